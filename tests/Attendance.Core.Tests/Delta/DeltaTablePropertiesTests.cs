using Attendance.Delta;

namespace Attendance.Export;

/// <summary>The pure rules behind checkpoints, retention properties and the key fingerprint.</summary>
public sealed class DeltaMaintenanceRulesTests
{
    [Fact]
    public void The_fingerprint_is_HMAC_SHA256_of_the_fixed_label_as_Python_computes_it()
    {
        // python3: hmac.new(key, b"attendance-analytics/pseudonym-key-fingerprint/v1", hashlib.sha256).hexdigest()
        Assert.Equal("481a26b557571e367356ba280e78fa76d8bd6722049e30afbead2e13bfc035b5",
            PseudonymKeyFingerprint.Compute("pseudonym-key-for-tests-0000000000000"));
    }

    [Theory]
    [InlineData("7.00:00:00", "interval 7 days")]
    [InlineData("00:00:00", "interval 0 days")]
    [InlineData("01:30:00", "interval 5400 seconds")]
    public void Retention_is_written_as_a_Delta_interval_that_reads_back(string value, string expected)
    {
        var span = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, DeltaTableProperties.FormatInterval(span));
        Assert.Equal(span, DeltaTableProperties.ParseInterval(expected));
    }

    [Theory]
    [InlineData("interval 1 week", 7 * 24)]
    [InlineData("interval 30 days", 30 * 24)]
    [InlineData("INTERVAL 2 hours", 2)]
    public void Intervals_written_by_other_engines_are_understood(string text, int hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), DeltaTableProperties.ParseInterval(text));

    [Theory]
    [InlineData(9, -1, false)]
    [InlineData(10, -1, true)]
    [InlineData(10, 10, false)]
    [InlineData(15, 10, false)]
    [InlineData(20, 10, true)]
    [InlineData(21, 10, true)]
    [InlineData(22, -1, true)]
    [InlineData(0, -1, false)]
    public void A_checkpoint_is_due_at_each_multiple_of_the_interval_or_when_more_than_an_interval_behind(long version, long checkpoint, bool due)
    {
        var snapshot = DeltaSnapshot.Empty;
        for (var v = 0; v <= version; v++)
        {
            snapshot.Apply(v, []);
        }

        snapshot.CheckpointVersion = checkpoint;
        Assert.Equal(due, TableMaintenance.IsCheckpointDue(snapshot));
    }
}
