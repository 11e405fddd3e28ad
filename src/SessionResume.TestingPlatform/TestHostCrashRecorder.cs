using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Extensions.TestHostControllers;
using SessionResume.Common;
using SessionResume.Observations;

namespace SessionResume.TestingPlatform;

/// <summary>
/// Runs in the test host controller: the process the platform keeps when an extension like this one
/// asks for it, which starts the test app again as the test host and waits for it. The test host's
/// consumer journals each test start and result (<see cref="TestHostJournal"/>); when the test host
/// did not record the run itself (it died: a crash, Environment.FailFast, a kill by a hang dump; or
/// its session was cut short), this records it as aborted, with the results that arrived and the
/// tests that were still running. A normal run is recorded once, by the test host.
/// </summary>
internal sealed class TestHostCrashRecorder(string[] args, Action<IReadOnlyList<TestResultRecord>, string>? record = null,
    string? journal = null)
    : ITestHostProcessLifetimeHandler, ITestHostEnvironmentVariableProvider, IDisposable
{
    readonly Action<IReadOnlyList<TestResultRecord>, string> record =
        record ?? ((results, aborted) => RunRecorder.Record(args, results, aborted));
    string? journalPath;

    public string Uid => nameof(TestHostCrashRecorder);
    public string Version => "1.0.0";
    public string DisplayName => "SessionResume.Build test host crashes";
    public string Description => "Records a test run whose test host crashed in .session-state.json.";

    public Task<bool> IsEnabledAsync() => Task.FromResult(IsUseful(args));

    /// <summary>
    /// Not for runs that list or describe tests, nor under an IDE's server protocol (each request
    /// would pay for the extra process); dotnet test's own protocol is fine.
    /// </summary>
    internal static bool IsUseful(string[] args)
    {
        if (SessionResumeDataConsumer.IsInformationOnly(args)) return false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg.Equals("--server", StringComparison.OrdinalIgnoreCase))
                return i + 1 < args.Length && args[i + 1].Equals("dotnettestcli", StringComparison.OrdinalIgnoreCase);
            if (arg.StartsWith("--server:", StringComparison.OrdinalIgnoreCase)
                || arg.StartsWith("--server=", StringComparison.OrdinalIgnoreCase))
                return arg["--server:".Length..].Equals("dotnettestcli", StringComparison.OrdinalIgnoreCase);
        }
        return true;
    }

    public Task UpdateAsync(IEnvironmentVariables environmentVariables)
    {
        journalPath = journal ?? Path.Combine(Path.GetTempPath(), $"sessionresume-mtp-{Guid.NewGuid():N}.jsonl");
        environmentVariables.SetVariable(
            new EnvironmentVariable(TestHostJournal.EnvironmentVariable, journalPath, isSecret: false, isLocked: true));
        return Task.CompletedTask;
    }

    public Task<ValidationResult> ValidateTestHostEnvironmentVariablesAsync(IReadOnlyEnvironmentVariables environmentVariables) =>
        ValidationResult.ValidTask;

    public Task BeforeTestHostProcessStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task OnTestHostProcessStartedAsync(ITestHostProcessInformation testHostProcessInformation,
        CancellationToken cancellationToken) => Task.CompletedTask;

    public Task OnTestHostProcessExitedAsync(ITestHostProcessInformation testHostProcessInformation, CancellationToken cancellationToken)
    {
        if (journalPath is null) return Task.CompletedTask;
        try
        {
            var exited = DateTime.UtcNow;
            var contents = TestHostJournal.Read(journalPath);
            if (Environment.GetEnvironmentVariable("SESSIONRESUME_TRACE") == "1")
                Console.Error.WriteLine($"SessionResume.Build: the test host exited (code {testHostProcessInformation.ExitCode}"
                    + $", graceful: {testHostProcessInformation.HasExitedGracefully}) "
                    + $"{(exited - contents.LastWrite)?.TotalMilliseconds:0} ms after its last update; {contents.Results.Count}"
                    + $" results, running: {string.Join(", ", contents.Running)}.");
            if (AbortReason(testHostProcessInformation.ExitCode, testHostProcessInformation.HasExitedGracefully, contents,
                    cancellationToken.IsCancellationRequested, args) is { } aborted)
                record(contents.Results, aborted);
        }
        catch (Exception e)
        {
            Console.Error.WriteLine(WarningLine.NotRecorded("the aborted test run was", e));
        }
        finally
        {
            DeleteJournal();
        }
        return Task.CompletedTask;
    }

    /// <summary>The platform disposes its extensions; a test host that died before it was watched may have left a journal.</summary>
    public void Dispose() => DeleteJournal();

    void DeleteJournal()
    {
        if (journalPath is null) return;
        try { File.Delete(journalPath); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>Whether the controller records the run, and runs[...].aborted if so (<see cref="TestHostJournal.AbortReason"/>).</summary>
    internal static string? AbortReason(int exitCode, bool exitedGracefully, TestHostJournalContents journal, bool cancelled,
        string[] args) =>
        TestHostJournal.AbortReason(exitCode, exitedGracefully, journal, cancelled,
            timedOut: args.Any(a => a.Equals("--timeout", StringComparison.OrdinalIgnoreCase)));
}
