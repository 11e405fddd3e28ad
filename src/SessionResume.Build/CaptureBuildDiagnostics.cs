using Microsoft.Build.Framework;
using SessionResume.Application;

namespace SessionResume.Build;

/// <summary>Merges one compile's SARIF log into the session state (runs after CoreCompile, on success and failure).</summary>
public sealed class CaptureBuildDiagnostics : SessionTask
{
    [Required] public string SarifFile { get; set; } = "";
    /// <summary>Written after a successful capture; the target skips the next run while the log is older.</summary>
    [Required] public string StampFile { get; set; } = "";
    public string? TargetFramework { get; set; }
    public string? TargetFrameworks { get; set; }
    public string? Language { get; set; }
    public ITaskItem[] PackageReferences { get; set; } = [];

    protected override void Run()
    {
        if (!File.Exists(SarifFile))
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
            PackageReferences.Select(p => p.ItemSpec).ToList(),
            Compiled: CompiledSinceLastCapture());
        var result = BuildCapture.Run(request, Clock);
        foreach (var problem in result.Problems) Report(problem);
        if (result.Recorded)
        {
            // The stamp names the state file, so the target also reruns when that file disappears.
            File.WriteAllText(StampFile, location.StateFile);
            Log.LogMessage(MessageImportance.Low, $"SessionResume: recorded {ProjectFile} ({TargetFramework}) in {location.StateFile}.");
        }
    }

    bool CompiledSinceLastCapture() =>
        !File.Exists(StampFile) || File.GetLastWriteTimeUtc(SarifFile) > File.GetLastWriteTimeUtc(StampFile);
}
