using SessionResume.Tests.Infrastructure;

namespace SessionResume.Benchmarks;

/// <summary>Command line: <c>[REPO_ROOT] [--runs N] [--only TEXT] [--keep]</c>.</summary>
public sealed record Options(string RepoRoot, int Runs, bool Keep, string? Only = null)
{
    public const string SolutionFile = DotNetCli.SolutionFile;

    public static Options Parse(string[] args)
    {
        string? repo = null;
        var runs = 10;
        var keep = false;
        string? only = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--runs" or "-n" when i + 1 < args.Length:
                    if (!int.TryParse(args[++i], out runs) || runs < 1)
                    {
                        throw new ArgumentException($"--runs needs a positive number, not '{args[i]}'");
                    }
                    break;
                case "--only" when i + 1 < args.Length:
                    only = args[++i];
                    break;
                case "--keep":
                    keep = true;
                    break;
                case var a when !a.StartsWith('-') && repo is null:
                    repo = Path.GetFullPath(a);
                    break;
                default:
                    throw new ArgumentException($"unexpected argument '{args[i]}'");
            }
        }

        repo ??= DotNetCli.FindRepositoryRoot(Environment.CurrentDirectory) ?? DotNetCli.FindRepositoryRoot(AppContext.BaseDirectory)
            ?? throw new ArgumentException($"no {SolutionFile} above the current folder: give the repository root");
        if (!File.Exists(Path.Combine(repo, SolutionFile)))
        {
            throw new ArgumentException($"{repo} holds no {SolutionFile}");
        }
        return new Options(repo, runs, keep, only);
    }
}
