using System.Reflection;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Extensions.TestHost;
using Microsoft.Testing.Platform.Services;
using SessionResume.Testing;

namespace SessionResume.TestingPlatform;

/// <summary>
/// Collects each test's final state and, when the session finishes, records the run through the
/// core (the same merge as the VSTest logger). What the project is and where the session lives
/// was stamped into the test assembly at build time (AssemblyMetadata "SessionResume.*").
/// When a test host controller watches this process (<see cref="TestHostCrashRecorder"/>), every
/// start and result also goes to its journal, so a test host that dies is still recorded.
/// </summary>
internal sealed class SessionResumeDataConsumer(string[] args, TestHostJournal? journal = null) : IDataConsumer, ITestSessionLifetimeHandler
{
    readonly Dictionary<string, TestResultRecord> results = new(StringComparer.Ordinal);

    public Type[] DataTypesConsumed => [typeof(TestNodeUpdateMessage)];
    public string Uid => nameof(SessionResumeDataConsumer);
    public string Version => "1.0.0";
    public string DisplayName => "SessionResume.Build";
    public string Description => "Records test results in .session-state.json.";

    public Task<bool> IsEnabledAsync() => Task.FromResult(!IsInformationOnly(args));

    public Task ConsumeAsync(IDataProducer dataProducer, IData value, CancellationToken cancellationToken)
    {
        if (value is not TestNodeUpdateMessage { TestNode: var node }) return Task.CompletedTask;
        if (TestNodeResults.From(node, AssemblyName) is { } record)
        {
            lock (results) results[node.Uid.Value] = record;
            journal?.Finished(node.Uid.Value, record);
        }
        else if (journal is not null && TestNodeResults.InProgressName(node) is { } running)
            journal.Started(node.Uid.Value, running);
        return Task.CompletedTask;
    }

    public Task OnTestSessionStartingAsync(ITestSessionContext testSessionContext) => Task.CompletedTask;

    public Task OnTestSessionFinishingAsync(ITestSessionContext testSessionContext)
    {
        List<TestResultRecord> snapshot;
        lock (results) snapshot = [.. results.Values];
        RunRecorder.Record(args, snapshot, aborted: null);
        // Recorded (or failed trying, with a warning): the controller must not record this run again.
        journal?.Recorded();
        return Task.CompletedTask;
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
        args.Any(a => a.StartsWith("--filter", StringComparison.OrdinalIgnoreCase) || a.StartsWith("--treenode-filter", StringComparison.OrdinalIgnoreCase));
}
