using System.Reflection;
using Microsoft.Testing.Platform.Builder;
using Microsoft.Testing.Platform.Extensions;
using SessionResume.Observations;

namespace SessionResume.TestingPlatform;

/// <summary>
/// Called by the code Microsoft.Testing.Platform.MSBuild generates for every TestingPlatformBuilderHook
/// item: the package's targets add one for this type in MTP test projects.
/// </summary>
public static class TestingPlatformBuilderHook
{
    /// <summary>
    /// Never throws at the test app: if the extension cannot be set up (its core assembly cannot be
    /// loaded, say), the tests run without it and one warning says so.
    /// </summary>
    public static void AddExtensions(ITestApplicationBuilder testApplicationBuilder, string[] args)
    {
        try
        {
            Register(testApplicationBuilder, args);
        }
        catch (Exception e)
        {
            // Written out, not WarningLine: this method must not touch the core, which may be what failed to load.
            Console.Error.WriteLine($"SessionResume.Build warning SR0005: this test run is not recorded ({Describe(e)}).");
        }
    }

    /// <summary>Not inlined, so that a type of the core that fails to load fails here, inside the catch above.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    static void Register(ITestApplicationBuilder testApplicationBuilder, string[] args)
    {
        // Set only in a test host started by the controller below (the same app, run again).
        var journal = TestHostJournal.OpenFromEnvironment();
        if (journal is not null)
            AppDomain.CurrentDomain.UnhandledException += (_, e) => journal.UnhandledException(Describe(e.ExceptionObject));

        var factory = new CompositeExtensionFactory<SessionResumeDataConsumer>(() => new SessionResumeDataConsumer(args, journal));
        testApplicationBuilder.TestHost.AddDataConsumer(factory);
        testApplicationBuilder.TestHost.AddTestSessionLifetimeHandle(factory);

        // SessionResumeRecordTestHostCrashes: a test host controller process watches the test host.
        if (BuildSettings.Read(Assembly.GetEntryAssembly())?.RecordTestHostCrashes == true)
        {
            var recorder = new CompositeExtensionFactory<TestHostCrashRecorder>(() => new TestHostCrashRecorder(args));
            testApplicationBuilder.TestHostControllers.AddEnvironmentVariableProvider(recorder);
            testApplicationBuilder.TestHostControllers.AddProcessLifetimeHandler(recorder);
        }
    }

    internal static string Describe(object exception) =>
        exception is Exception e ? $"{e.GetType().FullName}: {e.Message}" : exception?.ToString() ?? "unknown exception";
}
