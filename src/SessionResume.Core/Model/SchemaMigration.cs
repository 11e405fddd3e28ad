
namespace SessionResume.Model;

/// <summary>
/// Which schema versions are read, and how an older file becomes current.
/// <list type="bullet">
/// <item>Version 0 is the seed's layout (docs/state-file.md without the keys marked added): a file with no
/// schema_version, written before the key existed, or with schema_version 0.</item>
/// <item>Version 1 (current) is the seed's layout plus the additions, all of them optional.</item>
/// </list>
/// An older file is migrated, never set aside: every step keeps each key where it is, and the next
/// update writes the file back as the current version. A newer file is not read (this package
/// would drop what it does not understand); a negative schema_version is not a version.
/// </summary>
internal static class SchemaMigration
{
    public const int SeedVersion = 0;

    /// <summary>Steps[i] turns a version-i state into a version-(i + 1) one.</summary>
    static readonly Action<SessionState>[] Steps =
    [
        // 0 → 1: the seed's keys are version 1's keys, in the same places; the additions start empty.
        _ => { },
    ];

    /// <summary>
    /// The version of a file from what <see cref="StateTextCheck.Scan"/> found: no key is the seed's
    /// version. Throws <see cref="InvalidStateException"/> for a version this package cannot read.
    /// A schema_version that is not an integer is left to the serializer, which reports its type.
    /// </summary>
    public static int VersionOf(SchemaVersionFound found)
    {
        if (!found.Present) return SeedVersion;
        if (found.Value is not { } version) return SessionState.CurrentSchemaVersion;
        if (version > SessionState.CurrentSchemaVersion)
            throw new InvalidStateException($"schema_version {version}" +
                $" is newer than this package understands ({SessionState.CurrentSchemaVersion}); update SessionResume.Build");
        if (version < SeedVersion)
            throw new InvalidStateException(
                $"schema_version {version} is not a version (versions are 0 to {SessionState.CurrentSchemaVersion})");
        return (int)version;
    }

    /// <summary>Brings a state read as <paramref name="fromVersion"/> up to the current version.</summary>
    public static void Upgrade(SessionState state, int fromVersion)
    {
        for (var version = fromVersion; version < SessionState.CurrentSchemaVersion; version++) Steps[version](state);
        state.SchemaVersion = SessionState.CurrentSchemaVersion;
    }
}
