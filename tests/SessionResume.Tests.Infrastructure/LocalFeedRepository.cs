namespace SessionResume.Tests.Infrastructure;

/// <summary>
/// What a throwaway git repository that uses SessionResume.Build from a local feed is made of, for
/// the end-to-end tests (ThrowawayRepo) and the benchmarks: a nuget.config that adds the feed, a
/// Directory.Build.props that references the package, a .gitignore, and git run without the
/// machine's identity or signing settings. (The isolated NuGet folder is
/// <see cref="DotNetCli.ChildEnvironment"/>.)
/// </summary>
public static class LocalFeedRepository
{
    /// <summary>The .gitignore of a new repository.</summary>
    public const string GitIgnore = "bin/\nobj/\n";

    /// <summary>A nuget.config that adds FEEDDIRECTORY to the machine's sources (not replacing them).</summary>
    public static string NuGetConfig(string feedDirectory) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <!-- Added to the machine's sources (not replacing them): the package under test. -->
            <add key="sessionresume-local" value="{feedDirectory}" />
          </packageSources>
        </configuration>
        """;

    /// <summary>
    /// A Directory.Build.props that references SessionResume.Build at VERSION (PrivateAssets="all"), as
    /// the README recommends, only when CONDITION (an MSBuild condition) holds; a null VERSION gives
    /// an empty one (no package).
    /// </summary>
    public static string DirectoryBuildProps(string? version, string? condition = null)
    {
        if (version is null)
            return "<Project>\n</Project>\n";
        var itemGroup = condition is null ? "<ItemGroup>" : $"<ItemGroup Condition=\"{condition}\">";
        return $"""
            <Project>
              {itemGroup}
                <PackageReference Include="SessionResume.Build" Version="{version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """;
    }

    /// <summary>
    /// `git ARGUMENTS` in ROOT with a fixed identity, `main` as the first branch and no signing (one
    /// minute at most). Does not throw: check <see cref="CommandResult.Succeeded"/>.
    /// </summary>
    public static CommandResult Git(string root, IReadOnlyDictionary<string, string?>? environment, params string[] arguments) =>
        ProcessRunner.Run("git",
            ["-c", "user.name=SessionResume E2E", "-c", "user.email=e2e@example.invalid", "-c", "init.defaultBranch=main",
             "-c", "commit.gpgsign=false", .. arguments],
            root, environment, TimeSpan.FromMinutes(1));
}
