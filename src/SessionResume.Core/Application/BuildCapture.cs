using SessionResume.Common;
using SessionResume.Merge;
using SessionResume.Model;
using SessionResume.Observations;

namespace SessionResume.Application;

/// <summary>Everything the capture task knows about one compile.</summary>
public sealed record BuildCaptureRequest(
    Session Session,
    string SarifFile,
    string ProjectFile,
    string TargetFramework,
    IReadOnlyList<string> ProjectTargetFrameworks,
    string? Language,
    IReadOnlyList<string> PackageReferences,
    bool Compiled)
{
    /// <summary>MSBuild ran the capture on the build's error path: the build failed, maybe outside the compiler.</summary>
    public bool BuildFailed { get; init; }
}

/// <summary>Reads a compile's SARIF log and merges it into the state: the capture task's whole job.</summary>
public static class BuildCapture
{
    public static CaptureResult Run(BuildCaptureRequest request, Func<DateTime> clock)
    {
        var root = request.Session.Root;
        var project = SessionPaths.ToSessionPath(request.ProjectFile, root);
        var tfm = string.IsNullOrEmpty(request.TargetFramework) ? "default" : request.TargetFramework;
        // The build failed before the compiler ever wrote a log: its outcome is all there is to know.
        // The errors already recorded stay as they are: nothing compiled, so nothing was fixed.
        if (request.BuildFailed && !File.Exists(request.SarifFile))
        {
            return SessionWriter.Record(request.Session, clock, failed: true, (state, context) =>
            {
                BuildOutcomes.Record(state, project, tfm, BuildOutcome.Failed, errors: null, compiled: false, context.Now);
                return [];
            });
        }
        List<BuildDiagnostic> diagnostics;
        try
        {
            diagnostics = SarifReader.Read(request.SarifFile, root, request.ProjectFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidDataException)
        {
            return new CaptureResult(false, [Problems.SarifUnreadable(request.SarifFile, e)]);
        }

        var observation = new BuildObservation(project, tfm,
            request.ProjectTargetFrameworks.Count > 0 ? request.ProjectTargetFrameworks : [tfm],
            request.Compiled, diagnostics, TechStack.Infer(request.Language, tfm, request.PackageReferences))
        { Failed = request.BuildFailed };
        var failed = request.BuildFailed || diagnostics.Any(d => d.Severity == Severity.Error);
        return SessionWriter.Record(request.Session, clock, failed,
            (state, context) => BuildMerge.Apply(state, observation, context));
    }
}

public sealed record CaptureResult(bool Recorded, IReadOnlyList<Problem> Problems)
{
    /// <summary>Where an update that ended the session archived it (SessionSave).</summary>
    public string? ArchivedTo { get; init; }

    /// <summary>Whether the change itself changed the state (a write may also only record a crashed run).</summary>
    public bool Changed { get; init; }
}
