using Microsoft.Testing.Platform.Builder;
using Microsoft.Testing.Platform.Extensions;

namespace SessionResume.TestingPlatform;

/// <summary>
/// Called by the code Microsoft.Testing.Platform.MSBuild generates for every TestingPlatformBuilderHook
/// item: the package's targets add one for this type in MTP test projects.
/// </summary>
public static class TestingPlatformBuilderHook
{
    public static void AddExtensions(ITestApplicationBuilder testApplicationBuilder, string[] args)
    {
        var factory = new CompositeExtensionFactory<SessionResumeDataConsumer>(() => new SessionResumeDataConsumer(args));
        testApplicationBuilder.TestHost.AddDataConsumer(factory);
        testApplicationBuilder.TestHost.AddTestSessionLifetimeHandle(factory);
    }
}
