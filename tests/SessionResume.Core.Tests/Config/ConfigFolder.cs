using SessionResume.Common;
using SessionResume.Config;
using SessionResume.Tests.Infrastructure;

namespace SessionResume.Tests.Config;

/// <summary>A session root with an optional .session-resume.json, and one call to load it.</summary>
sealed class ConfigFolder : IDisposable
{
    readonly TempDirectory directory = new();

    public string Root => directory.Path;
    public string ConfigPath => directory.File(SettingsLoader.FileName);
    public List<Problem> Problems { get; } = [];

    public ConfigFolder Write(string json)
    {
        File.WriteAllText(ConfigPath, json);
        return this;
    }

    public SessionSettings Load(params (string Property, string? Value)[] properties) =>
        SettingsLoader.Load(Root, properties.ToDictionary(p => p.Property, p => p.Value), Problems);

    public Problem SingleProblem()
    {
        var problem = Assert.Single(Problems);
        Assert.Equal(Problem.ConfigInvalid, problem.Code);
        return problem;
    }

    public void Dispose() => directory.Dispose();
}
