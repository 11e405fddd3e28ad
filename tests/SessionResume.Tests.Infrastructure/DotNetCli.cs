using System.Collections;

namespace SessionResume.Tests.Infrastructure;

/// <summary>
/// The dotnet CLI as the end-to-end tests and the benchmarks run it: the host, the environment of
/// every child `dotnet`, and the pack of the package into a local feed.
/// </summary>
public static class DotNetCli
{
    /// <summary>The solution file that marks the repository root.</summary>
    public const string SolutionFile = "SessionResume.Build.sln";

    /// <summary>DOTNET_HOST_PATH (set by `dotnet test` and `dotnet run`) when it names a file, else `dotnet` from PATH.</summary>
    public static string Host { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
        ? host
        : "dotnet";

    /// <summary>
    /// The environment of a child `dotnet`: no node reuse (a task DLL would stay loaded in idle nodes),
    /// no telemetry or logo, the classic console logger, English messages, and none of the
    /// MSBuild/VSTest/testing-platform variables that this process inherited from the `dotnet test` or
    /// `dotnet run` that started it (they would steer the child builds). With PACKAGESDIRECTORY, NuGet
    /// extracts packages there (NUGET_PACKAGES) instead of the machine's folder.
    /// </summary>
    public static Dictionary<string, string?> ChildEnvironment(string? packagesDirectory = null)
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("VSTEST_", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("TESTINGPLATFORM_", StringComparison.OrdinalIgnoreCase)
                || (packagesDirectory is not null && name.Equals("NUGET_PACKAGES", StringComparison.OrdinalIgnoreCase)))
            {
                env[name] = null;
            }
        }
        env["MSBUILDDISABLENODEREUSE"] = "1";
        env["MSBUILDTERMINALLOGGER"] = "off";
        env["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        env["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        env["DOTNET_NOLOGO"] = "1";
        env["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        env["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "true";
        env["DOTNET_CLI_UI_LANGUAGE"] = "en-US";
        if (packagesDirectory is not null)
            env["NUGET_PACKAGES"] = packagesDirectory;
        return env;
    }

    /// <summary>
    /// `dotnet pack` of src/SessionResume.Build (run in the repository root) into FEED under VERSION;
    /// the package is then SessionResume.Build.VERSION.nupkg there. EXTRA goes at the end (e.g. --no-build).
    /// </summary>
    public static string[] PackArguments(string feed, string version, params string[] extra) =>
    [
        "pack", Path.Combine("src", "SessionResume.Build", "SessionResume.Build.csproj"),
        "-c", "Release", "-o", feed, $"-p:Version={version}",
        "-nodeReuse:false", "-tl:off", .. extra,
    ];

    /// <summary>The nearest folder at or above START that holds <see cref="SolutionFile"/>, or null.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                return dir.FullName;
        }
        return null;
    }
}
