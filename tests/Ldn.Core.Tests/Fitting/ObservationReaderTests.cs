using Ldn.Core.Pharmacology.Observations;
using Xunit;

namespace Ldn.Core.Tests.Fitting;

public sealed class ObservationReaderTests
{
    private const string Header = "schema: ldn-observations/1\nsource: Test\ncitation: A test\nkind: mor-occupancy\npoints:\n";

    [Fact]
    public void Shipped_datasets_hold_every_published_point()
    {
        var sets = ObservationCatalog.Shipped.ToDictionary(s => s.Source);
        Assert.Equal([27.0, 43, 46, 58, 61, 92, 98], sets["Rabiner 2011"].Points.Select(p => p.Value));
        Assert.Equal(new NuisanceTime("rabinerScanTime", 0.5, 8), sets["Rabiner 2011"].ScanTime);
        Assert.Equal([6.4, 6.3, 7.4, 13.8], sets["Lee 1988"].Points.Select(p => p.Sd));
        Assert.Equal(1, sets["Lee 1988"].ReferenceHours);
        Assert.Equal(ObservationKind.ParentHalfLife, sets["50 mg PK"].Kind);
    }

    [Theory]
    [InlineData("  - { time: -1, dose: 5, value: 40, unit: \"%\", sd: 8 }\n", "point 1 at a negative time")]
    [InlineData("  - { time: 4, dose: 5, value: 40, unit: \"%\", sd: 8 }\n  - { time: 4, dose: 5, value: 101, unit: \"%\", sd: 8 }\n", "point 2 with an occupancy outside 0–100%")]
    [InlineData("  - { time: 4, dose: 5, value: -3, unit: \"%\", sd: 8 }\n", "point 1 with an occupancy outside 0–100%")]
    [InlineData("  - { time: 4, dose: 5, value: 40, unit: \"%\", sd: 0 }\n", "point 1 with an sd of 0")]
    [InlineData("  - { time: 4, value: 40, unit: \"%\", sd: 8 }\n", "point 1 without all of")]
    public void A_bad_point_is_refused_in_one_sentence_naming_file_and_entry(string points, string expected)
    {
        var e = Assert.Throws<InvalidInputException>(() => ObservationReader.Read(Header + points, "bad.yaml"));
        Assert.StartsWith("The observation file 'bad.yaml' has ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_file_without_points_is_refused()
    {
        var e = Assert.Throws<InvalidInputException>(() => ObservationReader.Read(Header + "  []\n", "empty.yaml"));
        Assert.Equal("The observation file 'empty.yaml' has no points, so there is nothing to fit.", e.Message);
    }
}
