using Microsoft.Build.Framework;
using SessionResume.Application;

namespace SessionResume.Build;

/// <summary>
/// Merges one build of a project into the session state: its compile's SARIF log and how the build
/// ended (it runs after Build on success, and on CoreBuild's error path on failure).
/// </summary>
public sealed class CaptureBuildDiagnostics : SessionTask
{
    [Required] public string SarifFile { get; set; } = "";
    /// <summary>Written after a successful capture; the target skips the next run while the log is older.</summary>
    [Required] public string StampFile { get; set; } = "";
    public string? TargetFramework { get; set; }
    public string? TargetFrameworks { get; set; }
    public string? Language { get; set; }
    public ITaskItem[] PackageReferences { get; set; } = [];
    /// <summary>True when MSBuild runs the capture on the build's error path: the build failed, maybe outside the compiler.</summary>
    public bool BuildFailed { get; set; }
    /// <summary>Exists only while this project's last recorded build succeeded: the target reruns when it is missing.</summary>
    public string? SucceededFile { get; set; }
    /// <summary>
    /// Written when the build started: removed once its end is recorded, else SessionRestore reads it
    /// as a build that did not finish.
    /// </summary>
    public string? StartedMarker { get; set; }
    /// <summary>NuGet's record of the project's last restore (project.nuget.cache, next to project.assets.json).</summary>
    public string? RestoreRecord { get; set; }

    protected override void Run()
    {
        if (!File.Exists(SarifFile) && !BuildFailed)
        {
            Log.LogMessage(MessageImportance.Low, $"SessionResume: no compiler log at {SarifFile}; nothing to record.");
            return;
        }
        var location = Location;
        var request = new BuildCaptureRequest(
            Session,
            SarifFile,
            Path.GetFullPath(ProjectFile),
            TargetFramework ?? "",
            (TargetFrameworks ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Language,
            // The project's own packages: the SDK's implicit ones (NETStandard.Library, the reference assemblies) say nothing.
            PackageReferences.Where(p => !string.Equals(p.GetMetadata("IsImplicitlyDefined"), "true", StringComparison.OrdinalIgnoreCase))
                .Select(p => p.ItemSpec).ToList(),
            Compiled: CompiledSinceLastCapture())
        { BuildFailed = BuildFailed, RestoreRecord = FullPathOrNull(RestoreRecord) };
        var result = BuildCapture.Run(request, Clock);
        foreach (var problem in result.Problems) Report(problem);
        if (result.Recorded)
        {
            // The stamp names the state file, so the target also reruns when that file disappears.
            File.WriteAllText(StampFile, location.StateFile);
            // After a failure the next build records again, even if it compiles nothing.
            if (!string.IsNullOrEmpty(SucceededFile))
            {
                if (BuildFailed) File.Delete(SucceededFile);
                else File.WriteAllText(SucceededFile, "");
            }
            if (!string.IsNullOrEmpty(StartedMarker))
            {
                // The failure is the build's end; a success after CoreBuild is not yet (the target after Build removes it).
                if (BuildFailed) File.Delete(StartedMarker);
                var pointer = new ProjectPointer(StartedMarker, Path.GetFullPath(ProjectFile), FullPathOrNull(RestoreRecord),
                    SucceededFile);
                pointer.Save(location.StateFile);
            }
            Log.LogMessage(MessageImportance.Low, $"SessionResume: recorded {ProjectFile} ({TargetFramework}) in {location.StateFile}.");
        }
    }

    static string? FullPathOrNull(string? path) => string.IsNullOrEmpty(path) ? null : Path.GetFullPath(path);

    bool CompiledSinceLastCapture() =>
        !File.Exists(StampFile) || File.GetLastWriteTimeUtc(SarifFile) > File.GetLastWriteTimeUtc(StampFile);
}
