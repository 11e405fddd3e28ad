using System.Text.Json;
using SessionResume.Common;
using SessionResume.Merge;
using SessionResume.Model;
using SessionResume.Observations;

namespace SessionResume.Tests.Support;

/// <summary>Small hand-made states for the session verbs' tests.</summary>
static class States
{
    public const string App = "src/App/App.csproj";
    public const string TestProject = "tests/App.Tests/App.Tests.csproj";
    public static readonly DateTime T0 = new(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc);

    public static DateTime At(int minutes) => T0.AddMinutes(minutes);

    public static SessionState State(string id = "sess_20261124_001", int minutes = 0) => new()
    {
        SessionId = id,
        Project = "my-app",
        StartedAt = T0,
        Timestamp = At(minutes),
    };

    public static ErrorEntry Error(string fingerprint, string code = "CS0029", string file = "src/App/B.cs", int line = 42,
        string message = "Cannot implicitly convert type 'string' to 'int'", int attempts = 1, string project = App, int seen = 0) => new()
        {
            Fingerprint = fingerprint,
            Code = code,
            File = file,
            Line = line,
            Column = 9,
            Error = message,
            Attempts = attempts,
            Project = project,
            TargetFrameworks = ["net10.0"],
            FirstSeen = At(seen),
            LastSeen = At(seen),
        };

    public static ResolvedError Resolved(string fingerprint, string resolution = "Parsed the text", int minutes = 0,
        string code = "CS0103", string project = App, string session = "sess_20261123_002") => new()
        {
            Fingerprint = fingerprint,
            Code = code,
            File = "src/App/C.cs",
            Line = 7,
            Error = "The name 'Foo' does not exist in the current context",
            Resolution = resolution,
            Project = project,
            SessionId = session,
            ResolvedAt = At(minutes),
        };

    public static TestFailure Failure(string fingerprint, string name = "App.Tests.AuthTests.Login", int attempts = 1, int seen = 0, string tfm = "net10.0") => new()
    {
        Fingerprint = fingerprint,
        Name = name,
        DisplayName = name,
        Path = FailedPath.For("tests/App.Tests/AuthTests.cs", TestProject, name, name),
        File = "tests/App.Tests/AuthTests.cs",
        Line = 12,
        Message = "Assert.Equal() Failure",
        Attempts = attempts,
        Project = TestProject,
        TargetFrameworks = [tfm],
        FirstSeen = At(seen),
        LastSeen = At(seen),
    };

    public static TestRunCounts Run(int total, int failed, int skipped = 0, int minutes = 0) => new()
    {
        Time = At(minutes),
        Total = total,
        Failed = failed,
        Skipped = skipped,
        Passed = total - failed - skipped,
    };

    public static void AddRun(SessionState state, string tfm, TestRunCounts run)
    {
        if (!state.Tests.Runs.TryGetValue(TestProject, out var byFramework)) state.Tests.Runs[TestProject] = byFramework = new(StringComparer.Ordinal);
        byFramework[tfm] = run;
    }

    /// <summary>An unknown key, as a person or an agent might add one.</summary>
    public static Dictionary<string, JsonElement> Extra(string key, string value) =>
        new() { [key] = JsonDocument.Parse(JsonSerializer.Serialize(value)).RootElement.Clone() };

    public static string Json(SessionState state) => StateJson.Serialize(state);

    /// <summary>One section as the file would hold it, to compare sections whole.</summary>
    public static string Json<T>(T section) => StateJson.Serialize(section);
}
