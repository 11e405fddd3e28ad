using System.Globalization;
using SessionResume.Tests.Infrastructure;

namespace SessionResume.Benchmarks;

/// <summary>Packs the package once, then times every scenario with and without it in one throwaway
/// git repository (the session root of the "with" side).</summary>
public static class Benchmark
{
    public static void Run(Options options, IReadOnlyList<Scenario> scenarios)
    {
        var work = Directory.CreateTempSubdirectory("sessionresume-bench-").FullName;
        var finished = false;
        try
        {
            // A fresh version per run: no NuGet cache can serve an older build of the package.
            var version = $"1.0.0-bench.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
            var feed = Path.Combine(work, "feed");
            Console.WriteLine($"packing SessionResume.Build {version} from {options.RepoRoot}");
            Dotnet.Run(options.RepoRoot, DotNetCli.PackArguments(feed, version));

            var repo = Path.Combine(work, "repo");
            CreateRepository(repo, feed);
            var packages = Path.Combine(work, "packages"); // isolated NUGET_PACKAGES
            foreach (var scenario in scenarios)
            {
                RunScenario(scenario, repo, packages, version, options.Runs);
            }
            finished = true;
        }
        finally
        {
            if (options.Keep || !finished)
            {
                Console.WriteLine($"work folder kept: {work}");
            }
            else
            {
                TryDelete(work);
            }
        }
    }

    private static void CreateRepository(string repo, string feed)
    {
        Directory.CreateDirectory(repo);
        Git(repo, "init", "-q");
        File.WriteAllText(Path.Combine(repo, ".gitignore"), LocalFeedRepository.GitIgnore);
        File.WriteAllText(Path.Combine(repo, "nuget.config"), LocalFeedRepository.NuGetConfig(feed));
    }

    private static RunResult Timed(Scenario scenario, string repo, string side, string packages)
    {
        scenario.BeforeEachRun?.Invoke(repo);
        if (!scenario.Fails) return Dotnet.Run(side, scenario.Timed, packages);
        var result = Dotnet.TryRun(side, scenario.Timed, packages);
        return result.ExitCode != 0 ? result
            : throw new BenchmarkException($"`dotnet {string.Join(' ', scenario.Timed)}` in {side} was expected to fail and did not");
    }

    private static void RunScenario(Scenario scenario, string repo, string packages, string version, int runs)
    {
        var folder = Path.Combine(repo, scenario.Name.Replace(' ', '-'));
        var with = Path.Combine(folder, "with");
        var without = Path.Combine(folder, "without");
        foreach (var side in new[] { with, without })
        {
            Directory.CreateDirectory(side);
            scenario.WriteProject(side);
        }
        // The only difference between the two sides: the package, or (FullCaptureLogger) the logger.
        File.WriteAllText(Path.Combine(with, "Directory.Build.props"), LocalFeedRepository.DirectoryBuildProps(version));
        var withoutProps = LocalFeedRepository.DirectoryBuildProps(scenario.FullCaptureLogger || scenario.GitOnly ? version : null);
        if (scenario.GitOnly)
            withoutProps = withoutProps.Replace("</Project>",
                "  <PropertyGroup><SessionResumeIncludeGitDiff>false</SessionResumeIncludeGitDiff></PropertyGroup>\n</Project>",
                StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(without, "Directory.Build.props"), withoutProps);
        if (scenario.FullCaptureLogger)
        {
            var logger = Path.Combine(packages, "sessionresume.build", version.ToLowerInvariant(), "tasks", "net8.0", "SessionResume.Build.dll");
            File.WriteAllText(Path.Combine(with, "Directory.Build.rsp"),
                $"\"-logger:SessionResume.Build.FullCaptureLogger,{logger},IsOptional;root={repo}\"\n");
        }
        Git(repo, "add", "-A");
        Git(repo, "commit", "-q", "-m", scenario.Name);

        Console.WriteLine($"{scenario.Name}: warming up (dotnet {string.Join(' ', scenario.Warmup)})");
        Dotnet.Run(with, scenario.Warmup, packages);
        Dotnet.Run(without, scenario.Warmup, packages);
        if (!File.Exists(Path.Combine(repo, ".session-state.json")))
        {
            Console.WriteLine("  note: the package wrote no .session-state.json during the warm-up: it is timed doing nothing");
        }

        Console.Write($"{scenario.Name}: {runs} x 2 runs of dotnet {string.Join(' ', scenario.Timed)} ");
        var withRuns = new List<RunResult>();
        var withoutRuns = new List<RunResult>();
        for (var i = 0; i < runs; i++)
        {
            // Interleaved, and in turn first in a pair (with, without, without, with, ...), so that
            // neither noise nor going first or second favours one side.
            if (i % 2 == 0)
            {
                withRuns.Add(Timed(scenario, repo, with, packages));
                withoutRuns.Add(Timed(scenario, repo, without, packages));
            }
            else
            {
                withoutRuns.Add(Timed(scenario, repo, without, packages));
                withRuns.Add(Timed(scenario, repo, with, packages));
            }
            Console.Write('.');
        }
        Console.WriteLine();

        var w = Stats.Of(withRuns);
        var wo = Stats.Of(withoutRuns);
        Console.WriteLine($"  with package     {w}");
        Console.WriteLine($"  without package  {wo}");
        // Each pair ran back to back under the same load: the median of their ratios resists noise best.
        var pairs = withRuns.Zip(withoutRuns, (a, b) => a.Elapsed / b.Elapsed).ToList();
        var paired = Stats.MedianOf(pairs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  ratio of means {w.Mean / wo.Mean:F3}, of minimums {w.Min / wo.Min:F3}, median of paired ratios {paired:F3} (min {pairs.Min():F3}, max {pairs.Max():F3}); load average {LoadAverage()} on {Environment.ProcessorCount} cores"));
        var ratio = w.Median / wo.Median;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{scenario.Name}: with {w.Median:F0} ms, without {wo.Median:F0} ms, ratio {ratio:F3} (target <= {scenario.Target:0.00})"));
        if (w.PeakBytes > 0 && wo.PeakBytes > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{scenario.Name}: peak memory of the dotnet process tree: with {Mb(w.PeakBytes)}, without {Mb(wo.PeakBytes)}, ratio {(double)w.PeakBytes / wo.PeakBytes:F3}"));
        }
    }

    /// <summary>The 1-minute load average, or "?" where /proc/loadavg does not exist.</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "?";
        }
    }

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):F0} MB");

    private sealed record Stats(double Median, double Mean, double Min, double Max, long PeakBytes)
    {
        public static Stats Of(IReadOnlyList<RunResult> runs)
        {
            var ms = runs.Select(r => r.Elapsed.TotalMilliseconds).ToArray();
            return new Stats(MedianOf(ms), ms.Average(), ms.Min(), ms.Max(), runs.Max(r => r.PeakBytes));
        }

        public static double MedianOf(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }

        public override string ToString()
        {
            var memory = PeakBytes > 0 ? $"   peak memory {Mb(PeakBytes)}" : "";
            return string.Create(CultureInfo.InvariantCulture,
                $"median {Median,6:F0} ms   mean {Mean,6:F0} ms   min {Min,6:F0} ms   max {Max,6:F0} ms{memory}");
        }
    }

    private static void Git(string repo, params string[] args)
    {
        var git = LocalFeedRepository.Git(repo, environment: null, args);
        if (!git.Succeeded)
        {
            throw new BenchmarkException($"`git {string.Join(' ', args)}` exited with {git.ExitCode}: {git.Output}");
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.WriteLine($"could not delete {dir}: {e.Message}");
        }
    }
}
