namespace SessionResume.Common;

/// <summary>
/// The line the test logger and the MTP extension print for a problem, where no MSBuild logger
/// formats it: the form MSBuild gives a warning, so tools and people read both the same way.
/// </summary>
public static class WarningLine
{
    public static string For(Problem problem) => For(problem.Code, problem.Message);

    public static string For(string code, string message) => $"SessionResume.Build warning {code}: {message}";

    /// <summary>SR0005: the package failed unexpectedly while recording <paramref name="what"/>; the user's run goes on.</summary>
    public static string NotRecorded(string what, Exception e) => For(Problems.NotRecorded(what, e));
}
