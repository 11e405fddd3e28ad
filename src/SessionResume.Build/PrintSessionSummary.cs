using Microsoft.Build.Framework;
using SessionResume.Application;

namespace SessionResume.Build;

/// <summary>SessionRestore: prints the "Previous Session Found" summary, once per invocation even on a solution.</summary>
public sealed class PrintSessionSummary : SessionTask
{
    /// <summary>$(CurrentSolutionConfigurationContents): lists the solution's projects when run on a solution.</summary>
    public string? SolutionConfiguration { get; set; }
    public string? Format { get; set; }

    protected override void Run()
    {
        if (!SolutionPrinter.ShouldPrint(ProjectFile, SolutionConfiguration, SolutionPrinter.UsesPackage))
            return;
        string output;
        Common.Problem? problem;
        var warnings = new List<Common.Problem>();
        try
        {
            (output, problem) = SessionRestore.Run(Session, Format, Clock(), warnings);
        }
        catch (ArgumentException e)
        {
            Log.LogError(e.Message);
            return;
        }
        foreach (var warning in warnings) Report(warning);
        if (problem is not null) Report(problem);
        foreach (var line in output.Split('\n')) Log.LogMessage(MessageImportance.High, line.TrimEnd('\r'));
    }
}
