using SessionResume.Common;
using SessionResume.Merge;
using SessionResume.Observations;

namespace SessionResume.Application;

public sealed record TestCaptureRequest(
    Session Session,
    string ProjectFile,
    string TargetFramework,
    bool Filtered,
    IReadOnlyList<TestResultRecord> Results,
    string? Aborted,
    RerunStyle RerunStyle = RerunStyle.VSTest);

/// <summary>Merges one test run into the state: the whole job of the VSTest logger and the MTP extension.</summary>
public static class TestCapture
{
    public static CaptureResult Run(TestCaptureRequest request, Func<DateTime> clock)
    {
        var root = request.Session.Root;
        var run = new TestRunObservation(SessionPaths.ToSessionPath(request.ProjectFile, root), request.TargetFramework,
            request.Filtered, request.Results, request.Aborted, request.RerunStyle);
        var failed = request.Aborted is not null || request.Results.Any(r => r.Outcome == TestOutcome.Failed);
        return SessionWriter.Record(request.Session, clock, failed, (state, context) =>
        {
            TestMerge.Apply(state, run, context, root);
            return [];
        });
    }
}
