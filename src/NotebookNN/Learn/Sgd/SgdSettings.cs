namespace NotebookNN.Learn;

/// <summary>The hyperparameters one binary SGD fit runs with (checked by <see cref="SGDClassifier"/>).</summary>
internal sealed record SgdSettings(SgdLoss Loss, bool L2, double Alpha, int MaxIter, double Tol, int NIterNoChange, bool FitIntercept,
    bool Shuffle, SgdSchedule LearningRate, double Eta0, double PowerT);
