using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Client;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;

namespace SessionResume.Tests;

/// <summary>Raises the events vstest.console raises, so the logger can be tested without a test run.</summary>
sealed class FakeTestLoggerEvents : TestLoggerEvents
{
    public override event EventHandler<TestRunMessageEventArgs>? TestRunMessage;
    public override event EventHandler<TestRunStartEventArgs>? TestRunStart { add { } remove { } }
    public override event EventHandler<TestResultEventArgs>? TestResult;
    public override event EventHandler<TestRunCompleteEventArgs>? TestRunComplete;
    public override event EventHandler<DiscoveryStartEventArgs>? DiscoveryStart { add { } remove { } }
    public override event EventHandler<TestRunMessageEventArgs>? DiscoveryMessage { add { } remove { } }
    public override event EventHandler<DiscoveredTestsEventArgs>? DiscoveredTests { add { } remove { } }
    public override event EventHandler<DiscoveryCompleteEventArgs>? DiscoveryComplete { add { } remove { } }

    public void Result(string fullyQualifiedName, TestOutcome outcome, string source, string? displayName = null, string? message = null, string? stackTrace = null)
    {
        var testCase = new TestCase(fullyQualifiedName, new Uri("executor://xunit/VsTestRunner3/netcore/"), source) { DisplayName = displayName ?? fullyQualifiedName };
        TestResult?.Invoke(this, new TestResultEventArgs(new TestResult(testCase) { Outcome = outcome, ErrorMessage = message, ErrorStackTrace = stackTrace, DisplayName = displayName }));
    }

    public void Error(string message) => TestRunMessage?.Invoke(this, new TestRunMessageEventArgs(TestMessageLevel.Error, message));

    public void Complete(bool aborted = false) =>
        TestRunComplete?.Invoke(this, new TestRunCompleteEventArgs(null, false, aborted, null, null, TimeSpan.FromSeconds(1)));
}
