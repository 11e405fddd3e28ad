using Microsoft.Build.Framework;
using SessionResume.Common;
using SessionResume.Store;

namespace SessionResume.Build;

/// <summary>
/// Base of the package's tasks: finds the session and turns the core's problems into SR warnings.
/// A task never fails the build: anything unexpected becomes one warning (SR0005).
/// </summary>
public abstract class SessionTask : Microsoft.Build.Utilities.Task
{
    [Required] public string ProjectFile { get; set; } = "";
    public string? SolutionDir { get; set; }
    public string? SessionRoot { get; set; }
    /// <summary>
    /// The SessionResume* configuration properties (item = property name, metadata Value); they win
    /// over .session-resume.json.
    /// </summary>
    public ITaskItem[] Settings { get; set; } = [];
    public string? ManageGitIgnore { get; set; }

    /// <summary>The clock; tests replace it.</summary>
    internal Func<DateTime> Clock { get; set; } = () => DateTime.UtcNow;

    Application.Session? session;

    /// <summary>
    /// Found once per task: finding the root walks up the folders looking for .git, and the
    /// configuration file is read there. Its problems are reported once, here.
    /// </summary>
    protected Application.Session Session
    {
        get
        {
            if (session is not null) return session;
            var problems = new List<Problem>();
            var properties = Settings.ToDictionary(s => s.ItemSpec, s => (string?)s.GetMetadata("Value"), StringComparer.OrdinalIgnoreCase);
            session = Application.Session.Open(SessionRoot, Path.GetDirectoryName(Path.GetFullPath(ProjectFile))!, SolutionDir,
                properties, !IsFalse(ManageGitIgnore), problems);
            foreach (var problem in problems) Report(problem);
            return session;
        }
    }

    protected SessionLocation Location => Session.Location;

    public sealed override bool Execute()
    {
        try
        {
            Run();
        }
        catch (Exception e)
        {
            Report(Problems.Unexpected(e));
        }
        // Only a user's own mistake in a verb's arguments (an unknown SessionFormat) is an error.
        return !Log.HasLoggedErrors;
    }

    protected abstract void Run();

    protected void Report(Problem problem)
    {
        var file = problem.File is null
            ? null
            : Path.IsPathRooted(problem.File) || problem.File.StartsWith('{') || session is null
                ? problem.File
                : Path.Combine(session.Root, problem.File);
        Log.LogWarning(subcategory: null, warningCode: problem.Code, helpKeyword: null, file: file,
            lineNumber: problem.Line, columnNumber: problem.Column, endLineNumber: 0, endColumnNumber: 0,
            message: problem.Message);
    }

    protected static bool IsFalse(string? value) => string.Equals(value?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
}
