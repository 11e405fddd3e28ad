using SessionResume.Tests.Infrastructure;

namespace SessionResume.Benchmarks;

/// <summary>One thing to time. The same project is written twice, into a folder whose
/// Directory.Build.props references the package and into one whose Directory.Build.props is empty;
/// <see cref="Warmup"/> runs once on each, then <see cref="Timed"/> runs N times on each, interleaved.</summary>
/// <param name="Name">Printed before the figures, e.g. "no-op incremental build".</param>
/// <param name="Target">The highest acceptable ratio of the medians, with / without.</param>
/// <param name="WriteProject">Writes the project (and everything it needs) into the given folder.</param>
/// <param name="Warmup">dotnet arguments run once per side before timing (restore and first build).</param>
/// <param name="Timed">dotnet arguments that are timed.</param>
/// <param name="Fails">The timed command is expected to fail (a build with a compile error).</param>
/// <param name="BeforeEachRun">Runs before every timed command, given the repository root (the session root).</param>
/// <param name="FullCaptureLogger">Both sides have the package; "with" also has the full-capture logger
/// in its Directory.Build.rsp (what SessionSetup writes), so the ratio is the logger's own cost.</param>
/// <param name="GitOnly">Both sides have the package; "without" asks git nothing
/// (SessionResumeIncludeGitDiff=false), so the ratio is the cost of the git calls.</param>
public sealed record Scenario(string Name, double Target, Action<string> WriteProject, string[] Warmup, string[] Timed,
    bool Fails = false, Action<string>? BeforeEachRun = null, bool FullCaptureLogger = false, bool GitOnly = false);

public static class Scenarios
{
    private static readonly string[] Cli = ["-nodeReuse:false", "-tl:off"];

    public static IReadOnlyList<Scenario> All { get; } =
    [
        new Scenario(
            "no-op incremental build",
            Target: 1.03,
            WriteProject: dir => ClassLibrary(dir, files: 20),
            Warmup: ["build", .. Cli],
            Timed: ["build", "--no-restore", .. Cli]),
        new Scenario(
            "dotnet test, 2,000 tests",
            Target: 1.05,
            WriteProject: dir => XunitProject(dir, classes: 40, testsPerClass: 50),
            Warmup: ["test", .. Cli],
            Timed: ["test", "--no-restore", .. Cli]),
        // "This error was seen before" reads the whole history: a build whose error is new to the
        // current state looks it up in the archived sessions. Without and with 20 archived sessions
        // of 1,000 resolved errors each, so the difference is the lookup.
        FailingBuild("failing build, new error, no history", sessions: 0),
        FailingBuild("failing build, new error, 20 archived sessions x 1,000 errors", sessions: 20),
        // The loop an agent runs all day: one file edited, then a build (the capture and its git calls run).
        new Scenario(
            "edit and build",
            Target: 1.05,
            WriteProject: dir => ClassLibrary(dir, files: 40),
            Warmup: ["build", .. Cli],
            Timed: ["build", "--no-restore", .. Cli],
            BeforeEachRun: EditOneFile),
        new Scenario(
            "edit and build, git facts and diffstat vs the package without git",
            Target: 1.05,
            WriteProject: dir => ClassLibrary(dir, files: 40),
            Warmup: ["build", .. Cli],
            Timed: ["build", "--no-restore", .. Cli],
            BeforeEachRun: EditOneFile,
            GitOnly: true),
        new Scenario(
            "no-op build, full-capture logger vs the package alone",
            Target: 1.03,
            WriteProject: dir => ClassLibrary(dir, files: 20),
            Warmup: ["build", .. Cli],
            Timed: ["build", "--no-restore", .. Cli],
            FullCaptureLogger: true),
        new Scenario(
            "edit and build, full-capture logger vs the package alone",
            Target: 1.05,
            WriteProject: dir => ClassLibrary(dir, files: 20),
            Warmup: ["build", .. Cli],
            Timed: ["build", "--no-restore", .. Cli],
            BeforeEachRun: EditOneFile,
            FullCaptureLogger: true),
    ];

    /// <summary>Appends a line to Module01.cs of every side under the repository: the compiler must run again.</summary>
    private static void EditOneFile(string repo)
    {
        foreach (var file in Directory.EnumerateFiles(repo, "Module01.cs", SearchOption.AllDirectories))
            File.AppendAllText(file, $"// edited {DateTime.UtcNow:O}\n");
    }

    private static Scenario FailingBuild(string name, int sessions) => new(
        name,
        Target: 1.05,
        WriteProject: dir => { ClassLibrary(dir, files: 20); BrokenFile(dir); },
        Warmup: ["restore", .. Cli],
        Timed: ["build", "--no-restore", .. Cli],
        Fails: true,
        BeforeEachRun: repo =>
        {
            var history = Path.Combine(repo, ".session-history");
            if (Directory.Exists(history)) Directory.Delete(history, recursive: true);
            if (sessions > 0) HistoryFixture.Write(repo, sessions, errorsPerSession: 1000);
            // Without a current state the error is new on every run, so every run looks it up.
            File.Delete(Path.Combine(repo, ".session-state.json"));
        });

    /// <summary>One source file with a compile error (CS0029).</summary>
    public static void BrokenFile(string dir) =>
        File.WriteAllText(Path.Combine(dir, "Broken.cs"), "namespace Sample.Lib;\n\npublic static class Broken\n{\n    public static int Value() => \"zero\";\n}\n");

    /// <summary>An xunit (VSTest) test project with classes × testsPerClass small passing tests (the
    /// versions of Directory.Packages.props).</summary>
    public static void XunitProject(string dir, int classes, int testsPerClass)
    {
        File.WriteAllText(Path.Combine(dir, "Sample.Tests.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <IsTestProject>true</IsTestProject>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="{TestPackages.TestSdk}" />
                <PackageReference Include="xunit" Version="{TestPackages.Xunit}" />
                <PackageReference Include="xunit.runner.visualstudio" Version="{TestPackages.XunitRunner}" />
              </ItemGroup>
            </Project>
            """);
        for (var c = 1; c <= classes; c++)
        {
            var tests = string.Join("\n", Enumerable.Range(1, testsPerClass).Select(t =>
                $"    [Xunit.Fact] public void Case{t:000}() => Xunit.Assert.Equal({t}, Twice({t}) / 2);"));
            File.WriteAllText(Path.Combine(dir, $"Suite{c:00}Tests.cs"), $$"""
                namespace Sample.Tests;

                public class Suite{{c:00}}Tests
                {
                    static int Twice(int value) => value * 2;

                {{tests}}
                }
                """);
        }
    }

    /// <summary>A net10.0 class library of <paramref name="files"/> small source files.</summary>
    public static void ClassLibrary(string dir, int files)
    {
        File.WriteAllText(Path.Combine(dir, "Sample.Lib.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
            </Project>
            """);
        for (var i = 1; i <= files; i++)
        {
            var next = i % files + 1;
            File.WriteAllText(Path.Combine(dir, $"Module{i:00}.cs"), $$"""
                namespace Sample.Lib;

                public sealed record Item{{i:00}}(int Id, string Name, decimal Price);

                public sealed class Module{{i:00}}
                {
                    private readonly List<Item{{i:00}}> _items = [];

                    public void Add(int id, string name, decimal price) => _items.Add(new Item{{i:00}}(id, name, price));

                    public decimal Total() => _items.Sum(item => item.Price);

                    public IReadOnlyList<string> NamesAbove(decimal price) =>
                        _items.Where(item => item.Price > price).OrderBy(item => item.Name).Select(item => item.Name).ToList();

                    public Item{{i:00}}? Find(int id) => _items.FirstOrDefault(item => item.Id == id);

                    public int Chain(Module{{next:00}} other) => _items.Count + other.Count;

                    public int Count => _items.Count;
                }
                """);
        }
    }
}
