using Plumbline.Analysis.Review;
using Xunit;

namespace Plumbline.Analysis.Tests.Review.Resilience;

/// <summary>
/// Skew stated on an entity: every workflow's traffic on the operations that touch it lands its hottest key on one
/// partition, a workflow's own skew wins for its traffic, a per-key limit caps it, and a stated skew over the shard key
/// replaces hot-partition-risk's guess from the key's name. Through the real loader, against hand arithmetic.
/// </summary>
public sealed class EntitySkewTests
{
    // posts-db: 4 shards of 2,000/s on post_id. At peak view reads a post and a user (2,000/s each), comment writes a
    // post (200/s): 4,200/s over 4 shards = 1,050/s even. Post is touched by get_post (its name names it) and
    // add_comment (writes: [Post]), 2,200/s; get_user touches User only.
    private static string Posts(string postSkew, string viewExtra = "", string apiExtra = "", string shardKey = "post_id") => $$"""
        plumbline: 1
        system: { name: posts }
        workflows:
          view: { entry: api.view, rate: 1000/s, peak_rate: 2000/s{{viewExtra}} }
          comment: { entry: api.comment, rate: 100/s, peak_rate: 200/s, type: write }
        data:
          - { entity: Post, owner: posts-db, record_size: 1KB{{postSkew}} }
          - { entity: User, owner: posts-db, record_size: 1KB }
        components:
          api:
            kind: service
            instances: 10
            capacity: 1000/s{{apiExtra}}
            operations:
              view:
                calls:
                  - { to: posts-db.get_post, timeout: 100ms }
                  - { to: posts-db.get_user, timeout: 100ms }
              comment:
                calls:
                  - { to: posts-db.add_comment, timeout: 100ms }
          posts-db:
            kind: database
            instances: 4
            shard_key: {{shardKey}}
            capacity: 2000/s
            operations:
              get_post: { type: read }
              get_user: { type: read }
              add_comment: { type: write, writes: [Post] }
        """;

    [Fact]
    public void An_entitys_hottest_key_is_held_against_the_shard_that_holds_it()
    {
        // 60% of 2,200/s = 1,320/s hot; the hot shard: 1,050 + 1,320 x (1 - 1/4) = 1,050 + 990 = 2,040/s, 102% of 2,000/s.
        var finding = Assert.Single(ReviewKit.Findings(Posts(", skew: { key: post_id, hottest: 60% }"), "hot-key-over-capacity"));
        Assert.Equal("hot-key-over-capacity@Post:posts-db", finding.Key);
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal(
            "at peak, Post's hottest post_id (60% of the 2200/s view, comment send to the operations on posts-db that touch it) lands on one of posts-db's 4 shards: 1050/s even share + 990/s hot = 2040/s, 102% of its 2000/s",
            finding.Message);

        // 40%: 1,050 + 880 x 0.75 = 1,710/s, 85.5%: above the 70% target, below 100%.
        Assert.Equal(Severity.Medium, Assert.Single(ReviewKit.Findings(Posts(", skew: { key: post_id, hottest: 40% }"), "hot-key-over-capacity")).Severity);

        // 10%: 1,050 + 220 x 0.75 = 1,215/s, 60.75%: fits.
        Assert.Empty(ReviewKit.Findings(Posts(", skew: { key: post_id, hottest: 10% }"), "hot-key-over-capacity"));
    }

    [Fact]
    public void A_workflows_own_skew_wins_for_its_traffic()
    {
        // view states 1%: the entity's 60% applies to comment's 200/s alone, 120/s hot: 1,050 + 90 = 1,140/s, 57% of 2,000/s.
        // view's own 1% of its 4,000/s on posts-db is 40/s hot: 1,050 + 30 = 1,080/s. Neither is raised.
        Assert.Empty(ReviewKit.Findings(
            Posts(", skew: { key: post_id, hottest: 60% }", viewExtra: ", skew: { key: post_id, hottest: 1% }"), "hot-key-over-capacity"));
    }

    [Fact]
    public void A_per_key_limit_caps_each_workflows_hot_share()
    {
        // 300/s per post on api: view's hottest post is at most 300 / 2,000 = 15%, comment's 60% is under 300 / 200.
        // 2,000 x 15% + 200 x 60% = 420/s hot: 1,050 + 315 = 1,365/s, 68.25% of 2,000/s, within the 70% target.
        Assert.Empty(ReviewKit.Findings(
            Posts(", skew: { key: post_id, hottest: 60% }", apiExtra: "\n    rate_limit: 300/s per post_id"), "hot-key-over-capacity"));
        // 400/s per post: 20% for view, 400 + 120 = 520/s hot: 1,050 + 390 = 1,440/s, 72%: raised, and the cap is named.
        var finding = Assert.Single(ReviewKit.Findings(
            Posts(", skew: { key: post_id, hottest: 60% }", apiExtra: "\n    rate_limit: 400/s per post_id"), "hot-key-over-capacity"));
        Assert.Equal(
            "at peak, Post's hottest post_id (23.6% of the 2200/s view, comment send to the operations on posts-db that touch it, capped for view by api's rate_limit 400/s per post_id) lands on one of posts-db's 4 shards: 1050/s even share + 390/s hot = 1440/s, 72% of its 2000/s",
            finding.Message);
    }

    [Fact]
    public void A_stated_skew_over_the_shard_key_replaces_the_guess_from_its_name()
    {
        // Sharded on category, a few-valued name: hot-partition-risk guesses; an entity skew over category states the figures.
        Assert.Single(ReviewKit.Findings(Posts(string.Empty, shardKey: "category"), "hot-partition-risk"));
        Assert.Empty(ReviewKit.Findings(Posts(", skew: { key: category, hottest: 5% }", shardKey: "category"), "hot-partition-risk"));
        Assert.Single(ReviewKit.Findings(Posts(", skew: { key: post_id, hottest: 5% }", shardKey: "category"), "hot-partition-risk"));
    }
}
