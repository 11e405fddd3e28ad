using System.Reflection;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Extensions.TestHost;
using Microsoft.Testing.Platform.Services;
using SessionResume.Application;
using SessionResume.Common;
using SessionResume.Observations;

namespace SessionResume.TestingPlatform;

/// <summary>
/// Collects each test's final state and, when the session finishes, records the run through the
/// core (the same merge as the VSTest logger). What the project is and where the session lives
/// was stamped into the test assembly at build time (AssemblyMetadata "SessionResume.*").
/// Every start and result also goes to a journal, so a test host that dies is still recorded: the
/// journal of the test host controller when one watches this process (<see cref="TestHostCrashRecorder"/>),
/// which records the crash at once; else one next to the state file (<see cref="CrashedRuns"/>), which
/// the next update of the state records, and which a normal end deletes.
/// </summary>
internal sealed class SessionResumeDataConsumer(string[] args, TestHostJournal? journal = null, Action<string>? warn = null)
    : IDataConsumer, ITestSessionLifetimeHandler
{
    readonly Action<string> warn = warn ?? Console.Error.WriteLine;
    readonly Dictionary<string, TestResultRecord> results = new(StringComparer.Ordinal);
    volatile TestHostJournal? journal = journal;
    /// <summary>The journal next to the state file, this process's own: deleted once the run is recorded.</summary>
    string? ownJournal;

    public Type[] DataTypesConsumed => [typeof(TestNodeUpdateMessage)];
    public string Uid => nameof(SessionResumeDataConsumer);
    public string Version => "1.0.0";
    public string DisplayName => "SessionResume.Build";
    public string Description => "Records test results in .session-state.json.";

    public Task<bool> IsEnabledAsync() => Task.FromResult(!IsInformationOnly(args));

    public Task ConsumeAsync(IDataProducer dataProducer, IData value, CancellationToken cancellationToken)
    {
        if (value is not TestNodeUpdateMessage { TestNode: var node } || broken) return Task.CompletedTask;
        try
        {
            if (TestNodeResults.From(node, AssemblyName) is { } record)
            {
                lock (results) results[node.Uid.Value] = record;
                journal?.Finished(node.Uid.Value, record);
            }
            else if (journal is not null && TestNodeResults.InProgressName(node) is { } running)
                journal.Started(node.Uid.Value, running);
        }
        catch (Exception e)
        {
            // An extension that throws would fail the user's run. A run with a result missing would be
            // recorded with wrong counts, so the run is not recorded at all; one warning says so.
            broken = true;
            warn(WarningLine.NotRecorded("this test run is", e));
        }
        return Task.CompletedTask;
    }

    volatile bool broken;

    public Task OnTestSessionStartingAsync(ITestSessionContext testSessionContext)
    {
        if (journal is null) OpenOwnJournal();
        // JIT the recording path while the tests run, not after the last one.
        warmUp = WarmUp.Start();
        return Task.CompletedTask;
    }

    Task warmUp = Task.CompletedTask;

    public Task OnTestSessionFinishingAsync(ITestSessionContext testSessionContext)
    {
        try
        {
            List<TestResultRecord> snapshot;
            lock (results) snapshot = [.. results.Values];
            warmUp.Wait();
            if (!broken) RunRecorder.Record(args, snapshot, aborted: null);
            // Recorded (or failed trying, with a warning): the controller, or the next update, must not record this run again.
            journal?.Recorded();
            if (ownJournal is not null)
            {
                journal!.Dispose();
                try { File.Delete(ownJournal); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // says "recorded": the next update deletes it
                }
            }
        }
        catch (Exception e)
        {
            // The run itself is over and its result stands; at worst the next update records it again from the journal.
            warn(WarningLine.For(Problems.JournalNotClosed(TestingPlatformBuilderHook.Describe(e))));
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// The journal next to the state file: a header saying what the run is (what the controller would
    /// know) and which process runs it, then the starts and results. Not when nothing would be recorded.
    /// </summary>
    void OpenOwnJournal()
    {
        try
        {
            var testAssembly = Assembly.GetEntryAssembly();
            if (BuildSettings.Read(testAssembly) is not { } settings) return;
            var session = Session.Open(settings.Root, Path.GetDirectoryName(settings.Project)!, settings.SolutionDir, settings.Properties,
                settings.ManageGitIgnore, new List<Problem>());   // the same problems are reported when the run is recorded
            if (!session.Settings.AutoSave || !session.Settings.SaveOnError) return;
            var path = CrashedRuns.JournalPath(session.Location.StateFile, Environment.ProcessId);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var own = TestHostJournal.Create(path, new JournalLine
            {
                Project = settings.Project,
                TargetFramework = settings.TargetFramework,
                RerunStyle = RerunStyleOf(testAssembly),
                Filtered = IsFiltered(args),
                Timeout = args.Any(a => a.Equals("--timeout", StringComparison.OrdinalIgnoreCase)) ? true : null,
                Pid = Environment.ProcessId,
                Started = CrashedRuns.CurrentProcessStarted(),
            });
            ownJournal = path;
            journal = own;
            AppDomain.CurrentDomain.UnhandledException += (_, e) =>
                own.UnhandledException(TestingPlatformBuilderHook.Describe(e.ExceptionObject));
            // Ctrl+C or --timeout: the session ends early and the process exits normally, without recording.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => own.Exited();
        }
        catch (Exception e)
        {
            // Losing the journal only loses the record of a crash; the normal recording does not depend on it.
            if (Environment.GetEnvironmentVariable("SESSIONRESUME_TRACE") == "1")
                Console.Error.WriteLine($"SessionResume.Build: no test run journal ({e.GetType().Name}: {e.Message}).");
        }
    }

    static string AssemblyName => Assembly.GetEntryAssembly()?.GetName().Name ?? "tests";

    /// <summary>Runs that only list or describe, and run no test.</summary>
    internal static bool IsInformationOnly(string[] args) => args.Any(a => a is "--list-tests" or "--help" or "-?" or "--info");

    /// <summary>xunit.v3 selects tests with --filter-method; MSTest (and others) take a VSTest-style --filter.</summary>
    internal static RerunStyle RerunStyleOf(Assembly? testAssembly) =>
        testAssembly?.GetReferencedAssemblies().Any(a => a.Name?.StartsWith("xunit.v3", StringComparison.OrdinalIgnoreCase) == true) == true
            ? RerunStyle.TestingPlatformXunit
            : RerunStyle.TestingPlatform;

    /// <summary>A filter of any framework (--filter, --treenode-filter, xunit's --filter-class, ...) selects part of the tests.</summary>
    internal static bool IsFiltered(string[] args) =>
        args.Any(a => a.StartsWith("--filter", StringComparison.OrdinalIgnoreCase)
            || a.StartsWith("--treenode-filter", StringComparison.OrdinalIgnoreCase));
}
