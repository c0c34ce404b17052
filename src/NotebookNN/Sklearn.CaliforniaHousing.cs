using System.Formats.Tar;
using System.IO.Compression;
using NotebookNN.Datasets.Download;
using NotebookNN.Datasets.Formats;
using NotebookNN.Learn;

namespace NotebookNN;

public static partial class Sklearn
{
    internal static readonly DatasetSource CaliforniaArchive = new("cal_housing.tgz", "https://ndownloader.figshare.com/files/5976036",
        Sha256: "aaa5c9a6afe2225cc2aed2723682ae403280c4a3695a2ddda4ffb5d8215ea681");

    /// <summary>
    /// <c>fetch_california_housing</c>: 20,640 districts × 8 features (MedInc, HouseAge, AveRooms, AveBedrms, Population,
    /// AveOccup, Latitude, Longitude), target the median house value in $100,000s. The StatLib archive is looked for in
    /// <c>NOTEBOOKNN_DATASETS</c>, then scikit-learn's data home (<c>$SCIKIT_LEARN_DATA</c> or <c>~/scikit_learn_data</c>),
    /// else downloaded there (SHA-256 checked).
    /// </summary>
    public static SklearnDataset FetchCaliforniaHousing()
    {
        var home = Environment.GetEnvironmentVariable("SCIKIT_LEARN_DATA");
        if (string.IsNullOrEmpty(home)) home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "scikit_learn_data");
        return CaliforniaHousingFrom(DatasetCache.Resolve(CaliforniaArchive, Environment.GetEnvironmentVariable(DatasetCache.FolderVariable), home, Console.Out));
    }

    internal static SklearnDataset CaliforniaHousingFrom(string archive)
    {
        string[] lines;
        try
        {
            using var file = File.OpenRead(archive);
            using var gz = new GZipStream(file, CompressionMode.Decompress);
            using var tar = new TarReader(gz);
            TarEntry? entry;
            while ((entry = tar.GetNextEntry()) is not null && entry.Name != "CaliforniaHousing/cal_housing.data") { }
            if (entry?.DataStream is null) throw new InvalidDataException("it has no CaliforniaHousing/cal_housing.data.");
            lines = CsvTable.ReadLines(entry.DataStream, gzip: false, "cal_housing.data");
        }
        catch (Exception e) when (NotebookNN.Datasets.Formats.ArchiveDamage.Is(e))
        {
            throw new InvalidDataException($"Could not read '{archive}' (truncated or corrupted? delete it to download it again): {e.Message}", e);
        }
        var rows = CsvTable.ParseRows(lines, 0, 9, "cal_housing.data");
        // Columns: longitude, latitude, housingMedianAge, totalRooms, totalBedrooms, population, households, medianIncome, medianHouseValue.
        var table = rows.Select(r => new[]
        {
            r[7], r[2], r[3] / r[6], r[4] / r[6], r[5], r[5] / r[6], r[1], r[0], r[8] / 100000.0,
        }).ToArray();
        return Table(table, 8, ["MedInc", "HouseAge", "AveRooms", "AveBedrms", "Population", "AveOccup", "Latitude", "Longitude"], null);
    }
}
