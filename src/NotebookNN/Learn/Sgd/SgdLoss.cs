namespace NotebookNN.Learn;

/// <summary>
/// The classification losses of scikit-learn's <c>SGDClassifier</c> on the margin z = p·y (y ∈ {−1, +1}): the loss
/// (summed per epoch for the <c>tol</c> test) and its derivative in p. Same formulas and cut-offs as scikit-learn's.
/// </summary>
internal abstract class SgdLoss
{
    public static readonly string[] Names = ["hinge", "log_loss", "modified_huber", "squared_hinge", "perceptron"];

    public abstract double Loss(double p, double y);
    public abstract double DLoss(double p, double y);

    public static SgdLoss For(string loss) => loss switch
    {
        "hinge" => new Hinge(1.0),
        "perceptron" => new Hinge(0.0),
        "squared_hinge" => new SquaredHinge(),
        "log_loss" => new Log(),
        "modified_huber" => new ModifiedHuber(),
        "log" => throw new ArgumentException("The loss 'log' was renamed 'log_loss' in scikit-learn 1.1. Use loss: \"log_loss\"."),
        _ => throw new ArgumentException($"The 'loss' parameter of SGDClassifier must be a str among {{{string.Join(", ", Names.Select(n => $"'{n}'"))}}}. Got '{loss}' instead."),
    };

    private sealed class Hinge(double threshold) : SgdLoss
    {
        public override double Loss(double p, double y) { double z = p * y; return z <= threshold ? threshold - z : 0.0; }
        public override double DLoss(double p, double y) => p * y <= threshold ? -y : 0.0;
    }

    private sealed class SquaredHinge : SgdLoss
    {
        public override double Loss(double p, double y) { double z = 1.0 - p * y; return z > 0 ? z * z : 0.0; }
        public override double DLoss(double p, double y) { double z = 1.0 - p * y; return z > 0 ? -2.0 * y * z : 0.0; }
    }

    /// <summary>Logistic loss log(1 + e^−z), with the cut-offs at |z| &gt; 18 that spare the log.</summary>
    private sealed class Log : SgdLoss
    {
        public override double Loss(double p, double y)
        {
            double z = p * y;
            if (z > 18) return Math.Exp(-z);
            if (z < -18) return -z;
            return Math.Log(1.0 + Math.Exp(-z));
        }

        public override double DLoss(double p, double y)
        {
            double z = p * y;
            if (z > 18.0) return Math.Exp(-z) * -y;
            if (z < -18.0) return -y;
            return -y / (Math.Exp(z) + 1.0);
        }
    }

    private sealed class ModifiedHuber : SgdLoss
    {
        public override double Loss(double p, double y)
        {
            double z = p * y;
            if (z >= 1.0) return 0.0;
            if (z >= -1.0) return (1.0 - z) * (1.0 - z);
            return -4.0 * z;
        }

        public override double DLoss(double p, double y)
        {
            double z = p * y;
            if (z >= 1.0) return 0.0;
            if (z >= -1.0) return 2.0 * (1.0 - z) * -y;
            return -4.0 * y;
        }
    }
}
