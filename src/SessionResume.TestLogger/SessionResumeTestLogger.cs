using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Client;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;
using SessionResume.Application;
using SessionResume.Common;
using SessionResume.Merge;
using SessionResume.Observations;

namespace SessionResume.TestLogger;

/// <summary>
/// Records a VSTest run in the session state when it completes. The VSTest target fails on a failing
/// test and no target runs after it, so the logger, inside vstest.console, persists the results itself.
/// The package's targets enable it with parameters naming the project, framework and session.
/// </summary>
[FriendlyName(FriendlyName)]
[ExtensionUri(ExtensionUri)]
public sealed class SessionResumeTestLogger : ITestLoggerWithParameters
{
    public const string FriendlyName = "sessionresume";
    public const string ExtensionUri = "logger://SessionResume.Build/TestLogger/v1";

    readonly List<TestResultRecord> results = [];
    readonly List<string> errors = [];
    LoggerParameters parameters = LoggerParameters.From(new Dictionary<string, string?>());
    Task warmUp = Task.CompletedTask;

    internal Func<DateTime> Clock { get; set; } = () => DateTime.UtcNow;
    internal Action<string> Output { get; set; } = Console.WriteLine;

    public void Initialize(TestLoggerEvents events, string testRunDirectory) =>
        Initialize(events, new Dictionary<string, string?> { [DefaultLoggerParameterNames.TestRunDirectory] = testRunDirectory });

    /// <summary>
    /// Never throws at vstest (a logger that throws fails the run): a failure here, or in a handler
    /// below, leaves this run unrecorded, and one warning says so.
    /// </summary>
    public void Initialize(TestLoggerEvents events, Dictionary<string, string?> parameters)
    {
        try
        {
            this.parameters = LoggerParameters.From(parameters);
            // JIT the recording path while the tests run, not after the last one.
            warmUp = WarmUp.Start();
        }
        catch (Exception e)
        {
            NotRecorded(e);
            return;
        }
        events.TestResult += (_, e) => Guard(() => { lock (results) results.Add(ToRecord(e.Result)); });
        events.TestRunMessage += (_, e) => Guard(() => { if (e.Level == TestMessageLevel.Error) lock (errors) errors.Add(e.Message); });
        events.TestRunComplete += (_, e) => { if (!broken) Complete(e); };
    }

    /// <summary>A result that could not be read would make the recorded counts wrong: then nothing is recorded.</summary>
    void Guard(Action handler)
    {
        if (broken) return;
        try { handler(); }
        catch (Exception e) { NotRecorded(e); }
    }

    volatile bool broken;

    void NotRecorded(Exception e)
    {
        broken = true;
        Output(WarningLine.NotRecorded("this test run is", e));
    }

    void Complete(TestRunCompleteEventArgs e)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            warmUp.Wait();
            string? aborted = null;
            if (e.IsAborted || e.Error is not null)
            {
                List<string> messages;
                lock (errors) messages = [.. errors];
                aborted = BlameSequence.AbortReason(e.Error?.Message, messages);
                if (RunningTestFromBlame(e) is { } running) aborted += $"\nThe test running when the crash occurred: {running}";
            }
            List<TestResultRecord> snapshot;
            lock (results) snapshot = [.. results];
            var problems = new List<Common.Problem>();
            var result = TestCapture.Run(parameters.ToRequest(snapshot, aborted, problems), Clock);
            foreach (var problem in problems.Concat(result.Problems)) Output(WarningLine.For(problem));
            if (Environment.GetEnvironmentVariable("SESSIONRESUME_TRACE") == "1")
                Output($"SessionResume.Build: recorded {snapshot.Count} results in {watch.ElapsedMilliseconds} ms.");
        }
        catch (Exception ex)
        {
            // A logger that throws would make vstest report the run as failed: never do that.
            Output(WarningLine.NotRecorded("the test results were", ex));
        }
    }

    /// <summary>The blame collector's sequence file (an attachment of the run) names the test that never completed.</summary>
    static string? RunningTestFromBlame(TestRunCompleteEventArgs e)
    {
        foreach (var attachment in e.AttachmentSets?.SelectMany(set => set.Attachments) ?? [])
        {
            var path = attachment.Uri.IsFile ? attachment.Uri.LocalPath : attachment.Uri.OriginalString;
            if (!Path.GetFileName(path).StartsWith("Sequence", StringComparison.OrdinalIgnoreCase) || !File.Exists(path)) continue;
            if (BlameSequence.RunningTest(File.ReadAllText(path)) is { } running) return running;
        }
        return null;
    }

    static TestResultRecord ToRecord(TestResult r) => new(
        r.TestCase.FullyQualifiedName,
        string.IsNullOrEmpty(r.DisplayName) ? r.TestCase.DisplayName : r.DisplayName,
        Path.GetFileNameWithoutExtension(r.TestCase.Source ?? ""),
        r.Outcome switch
        {
            Microsoft.VisualStudio.TestPlatform.ObjectModel.TestOutcome.Passed => Observations.TestOutcome.Passed,
            Microsoft.VisualStudio.TestPlatform.ObjectModel.TestOutcome.Failed => Observations.TestOutcome.Failed,
            Microsoft.VisualStudio.TestPlatform.ObjectModel.TestOutcome.Skipped => Observations.TestOutcome.Skipped,
            _ => Observations.TestOutcome.NotRun,
        },
        r.TestCase.CodeFilePath,
        r.TestCase.LineNumber,
        r.ErrorMessage,
        r.ErrorStackTrace);
}
