using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class NpmInstallWithoutLockfileTests
    {
        [Fact]
        public void Reports_npm_install_without_packages()
        {
            AssertFindings(
                "FROM node:20-alpine\n" +
                "COPY package*.json ./\n" +
                "RUN npm install\n" +
                "RUN npm i --omit=dev && npm run build\n" +
                "RUN --mount=type=cache,target=/root/.npm npm --prefix /app install --production\n",
                "DKR110", "DKR110@3:9", "DKR110@4:9", "DKR110@5:60");
        }

        [Theory]
        [InlineData("RUN npm ci")]
        [InlineData("RUN npm ci --omit=dev")]
        [InlineData("RUN npm install express@4.19.2")]
        [InlineData("RUN npm install -g npm@10")]
        [InlineData("RUN npm install -g")]
        [InlineData("RUN cat deps.txt | xargs npm install")]
        [InlineData("RUN yarn install --frozen-lockfile")]
        [InlineData("RUN echo npm install")]
        public void Silent_for_ci_and_named_packages(string run)
        {
            AssertSilent("FROM node:20-alpine\n" + run + "\n", "DKR110");
        }
    }
}
