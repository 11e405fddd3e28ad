using System.Reflection;
using SessionResume.Application;
using SessionResume.Common;
using SessionResume.Observations;

namespace SessionResume.TestingPlatform;

/// <summary>
/// Hands one run of the test app to the core (the same merge as the VSTest logger), from the test host
/// or the controller.
/// </summary>
internal static class RunRecorder
{
    public static void Record(string[] args, IReadOnlyList<TestResultRecord> results, string? aborted)
    {
        try
        {
            var settings = BuildSettings.Read(Assembly.GetEntryAssembly());
            if (settings is null) return;
            var problems = new List<Problem>();
            var session = Session.Open(settings.Root, Path.GetDirectoryName(settings.Project)!, settings.SolutionDir, settings.Properties,
                settings.ManageGitIgnore, problems);
            var request = new TestCaptureRequest(session, settings.Project, settings.TargetFramework,
                SessionResumeDataConsumer.IsFiltered(args), results, aborted,
                SessionResumeDataConsumer.RerunStyleOf(Assembly.GetEntryAssembly()));
            foreach (var problem in problems.Concat(TestCapture.Run(request, () => DateTime.UtcNow).Problems))
                Console.Error.WriteLine(WarningLine.For(problem));
        }
        catch (Exception e)
        {
            // Never make the user's test run fail because of the package.
            Console.Error.WriteLine(WarningLine.NotRecorded("the test results were", e));
        }
    }
}
