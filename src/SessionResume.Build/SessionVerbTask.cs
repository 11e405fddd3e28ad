using Microsoft.Build.Framework;
using SessionResume.Application;
using SessionResume.Common;

namespace SessionResume.Build;

/// <summary>
/// Base of the Session* verbs: runs once per invocation, even on a solution (the first project that
/// uses the package acts), prints the verb's lines and reports its warnings and errors.
/// </summary>
public abstract class SessionVerbTask : SessionTask
{
    /// <summary>$(CurrentSolutionConfigurationContents): lists the solution's projects when run on a solution.</summary>
    public string? SolutionConfiguration { get; set; }

    protected sealed override void Run()
    {
        if (!SolutionPrinter.ShouldPrint(ProjectFile, SolutionConfiguration, SolutionPrinter.UsesPackage)) return;
        var result = RunVerb();
        foreach (var problem in result.Problems) Report(problem);
        foreach (var error in result.Errors)
            Log.LogError(subcategory: null, errorCode: Problem.UnknownReference, helpKeyword: null, file: null,
                lineNumber: 0, columnNumber: 0, endLineNumber: 0, endColumnNumber: 0, message: error);
        foreach (var line in result.Lines) Log.LogMessage(MessageImportance.High, line);
    }

    protected abstract VerbResult RunVerb();

    /// <summary>MSBuild splits item lists on ';' and unescapes %3B, so a value may hold a semicolon.</summary>
    protected static IReadOnlyList<string> List(string[]? values) =>
        (values ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
}
