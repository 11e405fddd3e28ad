using System.Reflection;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Extensions.TestHost;
using Microsoft.Testing.Platform.Services;
using SessionResume.Recording;
using SessionResume.Store;
using SessionResume.Testing;

namespace SessionResume.TestingPlatform;

/// <summary>
/// Collects each test's final state and, when the session finishes, records the run through the
/// core (the same merge as the VSTest logger). What the project is and where the session lives
/// was stamped into the test assembly at build time (AssemblyMetadata "SessionResume.*").
/// </summary>
internal sealed class SessionResumeDataConsumer(string[] args) : IDataConsumer, ITestSessionLifetimeHandler
{
    readonly Dictionary<string, TestResultRecord> results = new(StringComparer.Ordinal);

    public Type[] DataTypesConsumed => [typeof(TestNodeUpdateMessage)];
    public string Uid => nameof(SessionResumeDataConsumer);
    public string Version => "1.0.0";
    public string DisplayName => "SessionResume.Build";
    public string Description => "Records test results in .session-state.json.";

    public Task<bool> IsEnabledAsync() => Task.FromResult(!args.Any(a => a is "--list-tests" or "--help" or "--info"));

    public Task ConsumeAsync(IDataProducer dataProducer, IData value, CancellationToken cancellationToken)
    {
        if (value is TestNodeUpdateMessage { TestNode: var node } && TestNodeResults.From(node, AssemblyName) is { } record)
            lock (results) results[node.Uid.Value] = record;
        return Task.CompletedTask;
    }

    public Task OnTestSessionStartingAsync(ITestSessionContext testSessionContext) => Task.CompletedTask;

    public Task OnTestSessionFinishingAsync(ITestSessionContext testSessionContext)
    {
        try
        {
            var settings = BuildSettings.Read(Assembly.GetEntryAssembly());
            if (settings is null) return Task.CompletedTask;
            List<TestResultRecord> snapshot;
            lock (results) snapshot = [.. results.Values];
            var problems = new List<Problem>();
            var session = Session.Open(settings.Root, Path.GetDirectoryName(settings.Project)!, settings.SolutionDir, settings.Properties,
                settings.ManageGitIgnore, problems);
            var request = new TestCaptureRequest(session, settings.Project, settings.TargetFramework, IsFiltered(args), snapshot, null,
                RerunStyleOf(Assembly.GetEntryAssembly()));
            foreach (var problem in problems.Concat(TestCapture.Run(request, () => DateTime.UtcNow).Problems))
                Console.Error.WriteLine($"SessionResume.Build warning {problem.Code}: {problem.Message}");
        }
        catch (Exception e)
        {
            // Never make the user's test run fail because of the package.
            Console.Error.WriteLine($"SessionResume.Build warning SR0005: the test results were not recorded ({e.GetType().Name}: {e.Message}).");
        }
        return Task.CompletedTask;
    }

    static string AssemblyName => Assembly.GetEntryAssembly()?.GetName().Name ?? "tests";

    /// <summary>xunit.v3 selects tests with --filter-method; MSTest (and others) take a VSTest-style --filter.</summary>
    internal static RerunStyle RerunStyleOf(Assembly? testAssembly) =>
        testAssembly?.GetReferencedAssemblies().Any(a => a.Name?.StartsWith("xunit.v3", StringComparison.OrdinalIgnoreCase) == true) == true
            ? RerunStyle.TestingPlatformXunit
            : RerunStyle.TestingPlatform;

    /// <summary>A filter of any framework (--filter, --treenode-filter, xunit's --filter-class, ...) selects part of the tests.</summary>
    internal static bool IsFiltered(string[] args) =>
        args.Any(a => a.StartsWith("--filter", StringComparison.OrdinalIgnoreCase) || a.StartsWith("--treenode-filter", StringComparison.OrdinalIgnoreCase));
}
