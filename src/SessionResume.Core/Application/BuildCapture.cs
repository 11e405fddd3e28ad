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

    /// <summary>NuGet's record of the project's last restore (project.nuget.cache), when known.</summary>
    public string? RestoreRecord { get; init; }
}

/// <summary>Reads a compile's SARIF log and merges it into the state: the capture task's whole job.</summary>
public static class BuildCapture
{
    public static CaptureResult Run(BuildCaptureRequest request, Func<DateTime> clock)
    {
        var root = request.Session.Root;
        var project = SessionPaths.ToSessionPath(request.ProjectFile, root);
        var tfm = string.IsNullOrEmpty(request.TargetFramework) ? "default" : request.TargetFramework;
        // The restore this build ran on: its NU errors are recorded, or resolved now that it succeeded.
        var restore = request.RestoreRecord is { Length: > 0 } record ? RestoreLog.Read(record, root, request.ProjectFile) : null;
        // The build failed before the compiler ever wrote a log: its outcome is all there is to know.
        // The errors already recorded stay as they are: nothing compiled, so nothing was fixed.
        if (request.BuildFailed && !File.Exists(request.SarifFile))
        {
            return SessionWriter.Record(request.Session, clock, failed: true, (state, context) =>
            {
                var problems = restore is null ? [] : RestoreMerge.Apply(state, restore, context);
                BuildOutcomes.Record(state, project, tfm, BuildOutcome.Failed, errors: null, compiled: false, context.Now);
                return problems;
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
            (state, context) => (restore is null ? [] : RestoreMerge.Apply(state, restore, context))
                .Concat(BuildMerge.Apply(state, observation, context)).ToList());
    }
}

public sealed record CaptureResult(bool Recorded, IReadOnlyList<Problem> Problems)
{
    /// <summary>Where an update that ended the session archived it (SessionSave).</summary>
    public string? ArchivedTo { get; init; }

    /// <summary>Whether the change itself changed the state (a write may also only record a crashed run).</summary>
    public bool Changed { get; init; }
}
