using System.Reflection;
using Microsoft.Testing.Platform.Builder;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.TestHost;
using SessionResume.TestingPlatform;

namespace SessionResume.Tests;

/// <summary>The MTP extension never throws at the test app: what it cannot do costs the record, not the run.</summary>
public class TestingPlatformFaultTests
{
    [Fact]
    public void A_builder_that_fails_leaves_the_test_app_running_without_the_extension()
    {
        var builder = DispatchProxy.Create<ITestApplicationBuilder, ThrowingProxy>();
        TestingPlatformBuilderHook.AddExtensions(builder, []);   // would throw NotSupportedException if it let it through
        Assert.True(ThrowingProxy.Calls > 0, "The hook never touched the builder, so nothing was tested.");
    }

    [Fact]
    public async Task A_result_it_cannot_read_leaves_the_run_unrecorded_with_one_warning()
    {
        var warnings = new List<string>();
        var consumer = new SessionResumeDataConsumer([], journal: null, warn: warnings.Add);
        var unreadable = new TestNode { Uid = new TestNodeUid("1"), DisplayName = "Broken", Properties = null! };
        var message = new TestNodeUpdateMessage(new SessionUid("s"), unreadable);

        await consumer.ConsumeAsync(new Producer(), message, CancellationToken.None);
        await consumer.ConsumeAsync(new Producer(), message, CancellationToken.None);

        Assert.StartsWith("SessionResume.Build warning SR0005: this test run is not recorded", Assert.Single(warnings));
    }

    public class ThrowingProxy : DispatchProxy
    {
#pragma warning disable CA2211 // a counter the fault hook bumps, read by the test
        public static int Calls;
#pragma warning restore CA2211

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            Interlocked.Increment(ref Calls);
            throw new NotSupportedException($"{targetMethod?.Name} fails in this test");
        }
    }

    sealed class Producer : Microsoft.Testing.Platform.Extensions.Messages.IDataProducer
    {
        public Type[] DataTypesProduced => [typeof(TestNodeUpdateMessage)];
        public string Uid => "framework";
        public string Version => "1.0";
        public string DisplayName => "framework";
        public string Description => "";
        public Task<bool> IsEnabledAsync() => Task.FromResult(true);
    }
}
