using System.Linq;
using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class CredentialsInUrlTests
    {
        private const string Id = "DKR209";

        [Fact]
        public void Reports_the_user_and_password_part_without_repeating_the_password()
        {
            const string dockerfile = "FROM alpine:3.20\nRUN git clone https://deploy:s3cr3t@github.com/org/repo.git\n";
            AssertFindings(dockerfile, Id, "DKR209@2:23");
            var finding = Run(dockerfile).Single(d => d.Id == Id);
            Assert.Equal(37, finding.EndColumn); // 'deploy:s3cr3t@'
            Assert.DoesNotContain("s3cr3t", finding.Message);
            Assert.Contains("'https://deploy:***@'", finding.Message);
        }

        [Theory]
        [InlineData("ENV DATABASE_URL=postgres://app:hunter2@db:5432/app", 29)]
        [InlineData("ARG FEED=https://nuget:ghp_abc123@nuget.pkg.github.com/org/index.json", 18)]
        [InlineData("LABEL org.opencontainers.image.source=https://bot:tok@github.com/org/repo", 47)]
        [InlineData("ADD https://user:pw@example.com/app.tgz /opt/", 13)]
        [InlineData("RUN pip install --index-url https://__token__:pypi-AgEI@pypi.example.com/simple app", 37)]
        [InlineData("RUN pip install -i https://$USER:literal@pypi.example.com/simple app", 28)]
        public void Reports_any_instruction(string instruction, int column) =>
            AssertFindings("FROM alpine:3.20\n" + instruction + "\n", Id, $"DKR209@2:{column}");

        [Fact]
        public void Reports_inside_heredocs_and_across_continuations()
        {
            AssertFindings("FROM alpine:3.20\nRUN <<EOF\ncurl -O https://u:p4ss@example.com/x\nEOF\n", Id, "DKR209@3:17");
            AssertFindings("FROM alpine:3.20\nRUN curl \\\n  https://u:pw@example.com/a\n", Id, "DKR209@3:11");
        }

        [Theory]
        [InlineData("RUN git clone https://$USER:$TOKEN@github.com/org/repo.git")]
        [InlineData("RUN git clone https://oauth2:${GITLAB_TOKEN}@gitlab.com/org/repo.git")]
        [InlineData("RUN --mount=type=secret,id=t git clone https://x-access-token:$(cat /run/secrets/t)@github.com/org/repo.git")]
        [InlineData("RUN git clone git@github.com:org/repo.git")]
        [InlineData("RUN git clone ssh://git@github.com/org/repo.git")]
        [InlineData("RUN git clone https://deploy@github.com/org/repo.git")]
        [InlineData("RUN curl http://localhost:8080/health")]
        [InlineData("RUN curl 'https://example.com/search?q=a:b@c'")]
        [InlineData("ENV URL=https://user:***@example.com")]
        [InlineData("RUN cmd /C curl https://user:%TOKEN%@example.com/x")]
        [InlineData("RUN echo user:password@host")]
        public void Stays_silent_without_a_literal_password(string instruction) =>
            AssertSilent("FROM alpine:3.20\n" + instruction + "\n", Id);

        [Theory]
        [MemberData(nameof(SampleDockerfiles.Names), MemberType = typeof(SampleDockerfiles))]
        public void Stays_silent_on_real_world_samples(string sample) =>
            AssertSilent(SampleDockerfiles.Get(sample), Id);
    }
}
