using SessionResume.Common;
using SessionResume.Fingerprints;
using SessionResume.Lifecycle;
using SessionResume.Merge;
using SessionResume.Model;
using SessionResume.Observations;

namespace SessionResume.Tests.Support;

/// <summary>Builds observations and runs merges the way the capture task does, without MSBuild.</summary>
sealed class BuildFixture
{
    public const string Root = "/repo";
    public const string Project = "src/App/App.csproj";
    public SessionState State { get; } = new();
    public FakeSources Sources { get; } = new();
    public DateTime Now { get; set; } = new(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc);
    public List<SessionResume.Common.Problem> LastProblems { get; private set; } = [];

    public static BuildDiagnostic Error(string code, string file, int line, string message, int column = 9) =>
        new(code, Severity.Error, file, line, column, message, Fingerprint.ForDiagnostic(Fingerprint.BuildTool, code, file, message, Root));

    public static BuildDiagnostic Warning(string code, string file, int line, string message) =>
        Error(code, file, line, message) with { Severity = Severity.Warning };

    public void Build(params BuildDiagnostic[] diagnostics) => Build("net10.0", ["net10.0"], Project, true, diagnostics);

    public void Build(string tfm, string[] projectTfms, string project, bool compiled, params BuildDiagnostic[] diagnostics)
    {
        var context = new MergeContext(Now, Sources);
        SessionClock.Touch(State, context.Now, "repo");
        LastProblems = BuildMerge.Apply(State, new BuildObservation(project, tfm, projectTfms, compiled, diagnostics, ["C#", tfm]), context);
        NextPrompts.Regenerate(State);
        Now = Now.AddMinutes(1);
    }

    public sealed class FakeSources : ISourceText
    {
        public Dictionary<string, string[]> Files { get; } = new();
        public IReadOnlyList<string>? Lines(string sessionPath) => Files.TryGetValue(sessionPath, out var lines) ? lines : null;
        public Dictionary<string, string> Hashes { get; } = new();
        public string? Hash(string sessionPath) => Hashes.GetValueOrDefault(sessionPath);
        public void Set(string path, params string[] lines) => Files[path] = lines;
    }
}
