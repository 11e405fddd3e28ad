using System.Text.RegularExpressions;
using System.Xml.Linq;
using SessionResume.Config;
using SessionResume.Tests.Common;

namespace SessionResume.Tests.Config;

/// <summary>The setting table is the one declaration: the package's targets and the README follow it.</summary>
public class SettingTableTests
{
    static readonly string Root = ProblemCodesTests.RepositoryRoot();

    [Fact]
    public void The_targets_pass_exactly_the_tables_properties_in_its_order()
    {
        var targets = XDocument.Load(Path.Combine(Root, "build", "SessionResume.Build.targets"));
        var passed = targets.Descendants().Where(e => e.Name.LocalName == "_SessionResumeSetting")
            .Select(e => (string?)e.Attribute("Include")).OfType<string>();
        Assert.Equal(SettingTable.All.Select(s => s.Property), passed);
    }

    [Fact]
    public void Each_setting_passes_its_own_property_as_its_value()
    {
        var targets = XDocument.Load(Path.Combine(Root, "build", "SessionResume.Build.targets"));
        foreach (var item in targets.Descendants().Where(e => e.Name.LocalName == "_SessionResumeSetting" && e.Attribute("Include") is not null))
            Assert.Equal($"$({(string)item.Attribute("Include")!})", (string?)item.Attribute("Value"));
    }

    [Fact]
    public void The_readmes_configuration_table_names_each_key_property_and_default_in_the_tables_order()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        // | `auto_save` | `SessionResumeAutoSave` | `true` | ... (a key may be marked "(added)"; rows without a key are not settings of the file)
        var rows = Regex.Matches(readme, @"^\| `(?<key>[a-z_]+)`[^|]*\| `(?<property>SessionResume\w+)` \| `(?<default>[^`]*)` \|", RegexOptions.Multiline)
            .Select(m => (m.Groups["key"].Value, m.Groups["property"].Value, m.Groups["default"].Value.TrimEnd('/')));
        var table = SettingTable.All.Select(s => (s.Key, s.Property, s.Show(SessionSettings.Default).Trim('"')));
        Assert.Equal(table, rows);
    }
}
