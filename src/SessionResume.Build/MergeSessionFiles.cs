using SessionResume.Application;

namespace SessionResume.Build;

/// <summary>SessionMerge: merges the state files in Inputs into the current state.</summary>
public sealed class MergeSessionFiles : SessionVerbTask
{
    public string[]? Inputs { get; set; }
    /// <summary>$(MSBuildStartupDirectory): relative inputs are relative to where the command was run, as a user expects.</summary>
    public string? StartupDirectory { get; set; }

    protected override VerbResult RunVerb() =>
        SessionVerbs.MergeFiles(Session, List(Inputs),
            string.IsNullOrEmpty(StartupDirectory) ? Directory.GetCurrentDirectory() : StartupDirectory, Clock);
}
