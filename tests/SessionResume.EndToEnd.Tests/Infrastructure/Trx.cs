using System.Xml.Linq;

namespace SessionResume.Tests.Infrastructure;

/// <summary>
/// What a .trx file (VSTest's TRX logger) says about a run: its ResultSummary counters and each
/// result's name and outcome. Skipped tests are results with outcome NotExecuted (the counters'
/// notExecuted stays 0 for them; total - executed counts them).
/// </summary>
public sealed record TrxRun(string File, int Total, int Executed, int Passed, int Failed, int Skipped, IReadOnlyList<(string Name, string Outcome)> Results)
{
    static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static TrxRun Read(string file)
    {
        var doc = XDocument.Load(file);
        var counters = doc.Descendants(Ns + "ResultSummary").Single().Element(Ns + "Counters")
            ?? throw new InvalidOperationException($"{file} has no ResultSummary/Counters.");
        int Counter(string name) => int.Parse(counters.Attribute(name)?.Value ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var results = doc.Descendants(Ns + "UnitTestResult")
            .Select(r => (Name: r.Attribute("testName")?.Value ?? "", Outcome: r.Attribute("outcome")?.Value ?? ""))
            .ToList();
        return new TrxRun(file, Counter("total"), Counter("executed"), Counter("passed"), Counter("failed"),
            results.Count(r => r.Outcome == "NotExecuted"), results);
    }

    /// <summary>The .trx files under DIRECTORY (recursively), oldest first.</summary>
    public static IReadOnlyList<string> FilesIn(string directory) =>
        Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.trx", SearchOption.AllDirectories).OrderBy(System.IO.File.GetLastWriteTimeUtc).ToList()
            : [];

    public override string ToString() =>
        $"{Path.GetFileName(File)}: total {Total}, executed {Executed}, passed {Passed}, failed {Failed}, skipped (NotExecuted) {Skipped}\n"
        + string.Join("\n", Results.Select(r => $"  {r.Outcome} {r.Name}"));
}
