
namespace SessionResume.Observations;

public enum TestOutcome { Passed, Failed, Skipped, NotRun }

/// <summary>One test result as a test runner reports it (VSTest logger or MTP extension).</summary>
public sealed record TestResultRecord(
    string FullyQualifiedName,
    string DisplayName,
    string AssemblyName,
    TestOutcome Outcome,
    string? CodeFilePath = null,
    int LineNumber = 0,
    string? ErrorMessage = null,
    string? ErrorStackTrace = null);

/// <summary>
/// One run of one test project for one target framework. <see cref="Partial"/> runs (a filter, or
/// a run that was aborted) only update the tests they ran.
/// </summary>
public sealed record TestRunObservation(
    string Project,
    string TargetFramework,
    bool Partial,
    IReadOnlyList<TestResultRecord> Results,
    string? Aborted = null,
    RerunStyle RerunStyle = RerunStyle.VSTest);
