// Times real `dotnet` commands on the same sample with and without SessionResume.Build, in one run,
// interleaved (with, without, with, without, ...) so that machine noise hits both sides alike, and
// prints the ratio of the medians.
//
//   dotnet run --project tests/SessionResume.Benchmarks -c Release -- [REPO_ROOT] [--runs N] [--keep]
//
// REPO_ROOT defaults to the nearest folder above the current one (or above this program) that holds
// SessionResume.Build.sln. The exit code is 0 unless something failed to run; a ratio above its
// target is reported, not failed.
using SessionResume.Benchmarks;

Options options;
try
{
    options = Options.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine("usage: SessionResume.Benchmarks [REPO_ROOT] [--runs N] [--keep]");
    return 2;
}

try
{
    // --only TEXT runs the scenarios whose name contains TEXT (e.g. --only test).
    Benchmark.Run(options, Scenarios.All.Where(s => options.Only is null || s.Name.Contains(options.Only, StringComparison.OrdinalIgnoreCase)).ToList());
    return 0;
}
catch (BenchmarkException e)
{
    Console.Error.WriteLine($"benchmark failed: {e.Message}");
    return 1;
}
