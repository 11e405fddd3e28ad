using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;

namespace SessionResume.Tests.Infrastructure;

/// <summary>
/// A temporary git repository that uses SessionResume.Build from the run's local feed through its
/// Directory.Build.props, as the contract recommends. Projects are written by hand in the exact shape
/// `dotnet new classlib` produces on the .NET 10 SDK (checked once; running the template costs seconds).
/// Deleted on Dispose unless SESSIONRESUME_E2E_KEEP=1.
/// </summary>
public sealed class ThrowawayRepo : IDisposable
{
    public const string StateFileName = ".session-state.json";

    /// <summary>Setting this property to true on a command line builds without the package.</summary>
    public const string WithoutPackageProperty = "SessionResumeE2EWithoutPackage";

    public const string InitialGitIgnore = LocalFeedRepository.GitIgnore;

    readonly E2EEnvironment env;

    public string Root { get; }
    public string StatePath => Path.Combine(Root, StateFileName);

    /// <summary>The last command run through this repository, for assertion messages.</summary>
    public CommandResult? LastResult { get; private set; }

    ThrowawayRepo(E2EEnvironment env, string root)
    {
        this.env = env;
        Root = root;
    }

    public static ThrowawayRepo Create([CallerMemberName] string name = "repo")
    {
        var env = E2EEnvironment.Instance;
        var repo = new ThrowawayRepo(env, env.NewDirectory(name));

        repo.WriteFile("nuget.config", LocalFeedRepository.NuGetConfig(env.FeedDirectory));
        repo.UsePackage(env.PackageVersion);
        repo.WriteFile(".gitignore", InitialGitIgnore);

        repo.Git("init", "-q");
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "Throwaway repository");
        return repo;
    }

    /// <summary>
    /// Rewrites Directory.Build.props to reference SessionResume.Build at VERSION, as a person upgrading
    /// or removing the package would; null removes the reference.
    /// </summary>
    public void UsePackage(string? version) =>
        WriteFile("Directory.Build.props", LocalFeedRepository.DirectoryBuildProps(version, $"'$({WithoutPackageProperty})' != 'true'"));

    // ---------------------------------------------------------------- files and projects

    public string FullPath(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Writes a file (LF line ends) and makes sure its time stamp is newer than any build output.</summary>
    public void WriteFile(string relativePath, string content)
    {
        var path = FullPath(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.Replace("\r\n", "\n"), new UTF8Encoding(false));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
    }

    public string ReadFile(string relativePath) => File.ReadAllText(FullPath(relativePath));

    public bool FileExists(string relativePath) => File.Exists(FullPath(relativePath));

    /// <summary>Marks a source file changed so that the next build recompiles its project.</summary>
    public void Touch(string relativePath) => File.SetLastWriteTimeUtc(FullPath(relativePath), DateTime.UtcNow);

    /// <summary>
    /// Adds src/NAME/NAME.csproj (a classlib as `dotnet new classlib` makes it) with one source file
    /// src/NAME/SOURCEFILE. Returns the project's path relative to the root, with '/'.
    /// </summary>
    public string AddClassLibrary(string name, string sourceFile, string source, string targetFramework = "net10.0")
    {
        var frameworkProperty = targetFramework.Contains(';')
            ? $"<TargetFrameworks>{targetFramework}</TargetFrameworks>"
            : $"<TargetFramework>{targetFramework}</TargetFramework>";
        var project = $"src/{name}/{name}.csproj";
        WriteFile(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">

              <PropertyGroup>
                {frameworkProperty}
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>

            </Project>
            """);
        WriteFile($"src/{name}/{sourceFile}", source);
        return project;
    }

    /// <summary>
    /// Adds tests/NAME/NAME.csproj, an xunit (v2, VSTest) test project as `dotnet new xunit` makes it
    /// (without coverlet; the versions of Directory.Packages.props, see <see cref="TestPackages"/>), and its SOURCES (file name relative to the project folder, content).
    /// TARGETFRAMEWORK may list several frameworks separated by ';'. EXTRAPROPERTIES go into the
    /// PropertyGroup as they are (for example &lt;RollForward&gt;Major&lt;/RollForward&gt;). Returns the
    /// project's path relative to the root, with '/'.
    /// </summary>
    public string AddXunitTestProject(string name, IReadOnlyDictionary<string, string> sources, string targetFramework = "net10.0",
        string extraProperties = "", string extraItems = "")
    {
        var frameworkProperty = targetFramework.Contains(';')
            ? $"<TargetFrameworks>{targetFramework}</TargetFrameworks>"
            : $"<TargetFramework>{targetFramework}</TargetFramework>";
        var project = $"tests/{name}/{name}.csproj";
        WriteFile(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">

              <PropertyGroup>
                {frameworkProperty}
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <IsPackable>false</IsPackable>
                {extraProperties}
              </PropertyGroup>

              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="{TestPackages.TestSdk}" />
                <PackageReference Include="xunit" Version="{TestPackages.Xunit}" />
                <PackageReference Include="xunit.runner.visualstudio" Version="{TestPackages.XunitRunner}" />
              </ItemGroup>

              <ItemGroup>
                <Using Include="Xunit" />
              </ItemGroup>
              {extraItems}
            </Project>
            """);
        foreach (var (file, content) in sources)
            WriteFile($"tests/{name}/{file}", content);
        return project;
    }

    /// <summary>
    /// Adds tests/NAME/NAME.csproj, an xunit.v3 test app on Microsoft.Testing.Platform 2 (also when run
    /// directly; xunit.v3.mtp-v2 at the version of Directory.Packages.props), and its SOURCES (file
    /// name relative to the project folder, content). EXTRAPROPERTIES go into the PropertyGroup as they
    /// are (for example &lt;SessionResumeRecordTestHostCrashes&gt;true&lt;/SessionResumeRecordTestHostCrashes&gt;).
    /// With USETESTINGPLATFORMRUNNER, also the global.json of <see cref="UseTestingPlatformRunner"/>,
    /// which `dotnet test` needs to run it in MTP mode. Returns the project's path relative to the
    /// root, with '/'.
    /// </summary>
    public string AddXunitV3TestProject(string name, IReadOnlyDictionary<string, string> sources, string extraProperties = "",
        bool useTestingPlatformRunner = false)
    {
        if (useTestingPlatformRunner)
            UseTestingPlatformRunner();
        var project = $"tests/{name}/{name}.csproj";
        WriteFile(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
                <IsTestProject>true</IsTestProject>
                <!-- The app uses the platform also when it is run directly. -->
                <UseMicrosoftTestingPlatformRunner>true</UseMicrosoftTestingPlatformRunner>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="xunit.v3.mtp-v2" Version="{TestPackages.XunitV3MtpV2}" />
              </ItemGroup>
            </Project>
            """);
        foreach (var (file, content) in sources)
            WriteFile($"tests/{name}/{file}", content);
        return project;
    }

    /// <summary>global.json that puts `dotnet test` in Microsoft.Testing.Platform mode (.NET 10).</summary>
    public void UseTestingPlatformRunner() => WriteFile("global.json", """{ "test": { "runner": "Microsoft.Testing.Platform" } }""");

    /// <summary>Writes NAME.sln (classic format) at the root listing the given projects. Returns its file name.</summary>
    public string AddSolution(string name, params string[] projects)
    {
        const string csharpProjectType = "{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}";
        var ids = projects.Select(_ => "{" + Guid.NewGuid().ToString().ToUpperInvariant() + "}").ToArray();
        var sb = new StringBuilder();
        sb.Append("\nMicrosoft Visual Studio Solution File, Format Version 12.00\n");
        sb.Append("# Visual Studio Version 17\n");
        sb.Append("VisualStudioVersion = 17.0.31903.59\n");
        sb.Append("MinimumVisualStudioVersion = 10.0.40219.1\n");
        for (var i = 0; i < projects.Length; i++)
        {
            var projectName = Path.GetFileNameWithoutExtension(projects[i]);
            sb.Append(CultureInfo.InvariantCulture, $"Project(\"{csharpProjectType}\") = \"{projectName}\", \"{projects[i].Replace('/', '\\')}\", \"{ids[i]}\"\nEndProject\n");
        }
        sb.Append("Global\n");
        sb.Append("\tGlobalSection(SolutionConfigurationPlatforms) = preSolution\n");
        sb.Append("\t\tDebug|Any CPU = Debug|Any CPU\n\t\tRelease|Any CPU = Release|Any CPU\n");
        sb.Append("\tEndGlobalSection\n");
        sb.Append("\tGlobalSection(ProjectConfigurationPlatforms) = postSolution\n");
        foreach (var id in ids)
        {
            foreach (var config in new[] { "Debug", "Release" })
            {
                sb.Append(CultureInfo.InvariantCulture, $"\t\t{id}.{config}|Any CPU.ActiveCfg = {config}|Any CPU\n");
                sb.Append(CultureInfo.InvariantCulture, $"\t\t{id}.{config}|Any CPU.Build.0 = {config}|Any CPU\n");
            }
        }
        sb.Append("\tEndGlobalSection\n");
        sb.Append("\tGlobalSection(SolutionProperties) = preSolution\n\t\tHideSolutionNode = FALSE\n\tEndGlobalSection\n");
        sb.Append("EndGlobal\n");
        var file = name + ".sln";
        WriteFile(file, sb.ToString());
        return file;
    }

    // ---------------------------------------------------------------- commands

    /// <summary>`dotnet ARGS` in the repository root (no flags added).</summary>
    public CommandResult DotNet(params string[] arguments)
    {
        LastResult = env.DotNet(Root, arguments);
        return LastResult;
    }

    /// <summary>`dotnet build TARGET -nodeReuse:false -tl:off EXTRA...`.</summary>
    public CommandResult Build(string target, params string[] extra) =>
        DotNet(["build", target, "-nodeReuse:false", "-tl:off", .. extra]);

    /// <summary>`dotnet build TARGET --no-restore ...`: for builds after the first (project files unchanged).</summary>
    public CommandResult Rebuild(string target, params string[] extra) => Build(target, ["--no-restore", .. extra]);

    /// <summary>`dotnet restore TARGET` (imports the package's targets without compiling anything).</summary>
    public CommandResult Restore(string target) => DotNet("restore", target, "-nodeReuse:false", "-tl:off");

    /// <summary>`dotnet msbuild TARGET -t:TASKTARGET -nodeReuse:false -tl:off EXTRA...`.</summary>
    public CommandResult MSBuild(string target, string msbuildTarget, params string[] extra) =>
        DotNet(["msbuild", target, "-t:" + msbuildTarget, "-nodeReuse:false", "-tl:off", .. extra]);

    /// <summary>`dotnet test TARGET -nodeReuse:false -tl:off EXTRA...` (VSTest, the classic console logger).</summary>
    public CommandResult Test(string target, params string[] extra) =>
        DotNet(["test", target, "-nodeReuse:false", "-tl:off", .. extra]);

    /// <summary>`dotnet test TARGET --no-restore ...`: for test runs after the first (project files unchanged).</summary>
    public CommandResult Retest(string target, params string[] extra) => Test(target, ["--no-restore", .. extra]);

    /// <summary>
    /// `bash -c COMMANDLINE` in the repository root with the run's environment (`dotnet` on PATH is
    /// the one the suite uses): a command pasted as a person or an agent would paste it.
    /// </summary>
    public CommandResult Shell(string commandLine)
    {
        var environment = new Dictionary<string, string?>(env.ChildEnvironment());
        var dotnetDirectory = Path.GetDirectoryName(env.DotNetHost);
        if (!string.IsNullOrEmpty(dotnetDirectory))
            environment["PATH"] = dotnetDirectory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        LastResult = ProcessRunner.Run("bash", ["-c", commandLine], Root, environment);
        E2EEnvironment.Log(LastResult);
        return LastResult;
    }

    public CommandResult Git(params string[] arguments)
    {
        var result = LocalFeedRepository.Git(Root, env.ChildEnvironment(), arguments);
        if (!result.Succeeded)
            throw new InvalidOperationException($"git failed:\n{result}");
        return result;
    }

    // ---------------------------------------------------------------- the state file

    public bool StateExists => File.Exists(StatePath);

    public string ReadStateText()
    {
        Assert.True(StateExists, $"{StateFileName} was not written.\n{Describe()}");
        return File.ReadAllText(StatePath);
    }

    /// <summary>The state file parsed (fails the test, with context, if it is missing or invalid).</summary>
    public JsonObject ReadState()
    {
        var text = ReadStateText();
        try
        {
            return JsonNode.Parse(text) as JsonObject
                ?? throw new InvalidOperationException("the root is not a JSON object");
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            Assert.Fail($"{StateFileName} is not a valid JSON object ({e.Message}).\n{Describe()}");
            throw;
        }
    }

    public void WriteState(JsonNode state) =>
        WriteFile(StateFileName, state.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

    /// <summary>Files at the root whose names start with ".session-state.json.corrupt-".</summary>
    public string[] CorruptStateCopies() =>
        Directory.GetFiles(Root, StateFileName + ".corrupt-*", SearchOption.TopDirectoryOnly);

    /// <summary>For assertion messages: the last command, its output, and the state file as it is now.</summary>
    public string Describe(CommandResult? result = null)
    {
        var sb = new StringBuilder();
        var shown = result ?? LastResult;
        if (shown is not null)
            sb.Append("--- last command ---\n").Append(shown).Append('\n');
        sb.Append("--- ").Append(StateFileName).Append(" ---\n");
        sb.Append(File.Exists(StatePath) ? File.ReadAllText(StatePath) : "(no file)").Append('\n');
        sb.Append("--- repository: ").Append(Root).Append(" ---\n");
        return sb.ToString();
    }

    public void Dispose()
    {
        if (!E2EEnvironment.KeepTemporaryFiles)
            E2EEnvironment.TryDelete(Root);
    }
}
