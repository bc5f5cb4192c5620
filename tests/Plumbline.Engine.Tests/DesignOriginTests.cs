using Plumbline.Engine.Files;
using Xunit;

namespace Plumbline.Engine.Tests;

/// <summary>
/// Where a design sits for a SARIF upload: the base its paths are relative to (a repository root, the working
/// directory, or the design's folder) and a remote's address made safe to publish.
/// </summary>
public sealed class DesignOriginTests
{
    [Theory]
    [InlineData("https://ci-bot:s3cret@github.com/org/repo.git", "https://github.com/org/repo.git")]
    [InlineData("https://github.com/org/repo", "https://github.com/org/repo")]
    [InlineData("git@github.com:org/repo.git", "ssh://github.com/org/repo.git")]
    [InlineData("ssh://git@git.example.com:2222/org/repo.git", "ssh://git.example.com:2222/org/repo.git")]
    [InlineData("/srv/git/designs.git", "file:///srv/git/designs.git")]
    [InlineData("../upstream", "file:///work/upstream")]
    public void A_remote_becomes_a_uri_without_credentials(string remote, string expected)
    {
        Assert.Equal(expected, DesignOrigins.RepositoryUri(remote, "/work/checkout"));
    }

    [Fact]
    public void A_design_in_a_work_tree_is_relative_to_the_repository_root()
    {
        var root = NewFolder();
        try
        {
            Directory.CreateDirectory(Path.Combine(root, ".git"));
            Directory.CreateDirectory(Path.Combine(root, "designs", "shop"));
            var design = Path.Combine(root, "designs", "shop", "design.yaml");

            var origin = DesignOrigins.Locate(design, Path.GetTempPath(), askGit: false);

            Assert.Equal(OriginBase.Repository, origin.Base);
            Assert.Equal(root, origin.BaseFolder);
            Assert.Equal("designs/shop/design.yaml", origin.RelativePath);
            Assert.Null(origin.Revision);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_linked_work_tree_whose_git_is_a_file_counts_as_a_repository()
    {
        var root = NewFolder();
        try
        {
            File.WriteAllText(Path.Combine(root, ".git"), "gitdir: /elsewhere/.git/worktrees/x\n");
            var origin = DesignOrigins.Locate("design.yaml", root, askGit: false);

            Assert.Equal(OriginBase.Repository, origin.Base);
            Assert.Equal("design.yaml", origin.RelativePath);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Outside_a_repository_a_design_is_relative_to_the_working_directory_when_under_it_else_to_its_folder()
    {
        var root = NewFolder();
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "work", "designs"));
            Directory.CreateDirectory(Path.Combine(root, "other"));
            var cwd = Path.Combine(root, "work");

            var under = DesignOrigins.Locate("designs/a.yaml", cwd, askGit: false);
            var outside = DesignOrigins.Locate(Path.Combine(root, "other", "b.yaml"), cwd, askGit: false);

            Assert.Equal(OriginBase.WorkingDirectory, under.Base);
            Assert.Equal(cwd, under.BaseFolder);
            Assert.Equal("designs/a.yaml", under.RelativePath);
            Assert.Equal(Path.Combine(cwd, "designs", "a.yaml"), under.FullPath);
            Assert.Equal(OriginBase.DesignFolder, outside.Base);
            Assert.Equal(Path.Combine(root, "other"), outside.BaseFolder);
            Assert.Equal("b.yaml", outside.RelativePath);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>A fresh folder under the temp folder, which is in no repository here.</summary>
    private static string NewFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "plumbline-origin-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
