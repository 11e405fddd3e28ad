using SessionResume.Application;

namespace SessionResume.Build;

/// <summary>SessionSetup: adds (or, with Remove=true, removes) the full-capture logger's block in Directory.Build.rsp.</summary>
public sealed class SetUpSession : SessionVerbTask
{
    /// <summary>The package's task assembly: the logger is in it.</summary>
    public string LoggerAssembly { get; set; } = "";
    public string? Remove { get; set; }

    protected override VerbResult RunVerb()
    {
        // Builds read the rsp nearest to the project or solution they are given.
        var from = !string.IsNullOrEmpty(SolutionDir) && SolutionDir != "*Undefined*" && !string.IsNullOrEmpty(SolutionConfiguration)
            ? SolutionDir
            : Path.GetDirectoryName(Path.GetFullPath(ProjectFile))!;
        var remove = string.Equals(Remove?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        return FullCaptureSetup.Run(Session, from, LoggerAssembly, remove);
    }
}
