using Xunit;
using static Docker.Build.Analyzers.Tests.TestAnalysis;

namespace Docker.Build.Analyzers.Tests.Rules
{
    public class ApkAddWithoutNoCacheTests
    {
        [Fact]
        public void Reports_apk_add_without_no_cache()
        {
            AssertFindings(
                "FROM alpine:3.20\n" +
                "RUN apk update && apk add curl=8.9.1-r0\n" +
                "RUN <<EOF\n" +
                "apk add --virtual .build-deps gcc\n" +
                "EOF\n",
                "DKR108", "DKR108@2:23", "DKR108@4:5");
        }

        [Theory]
        [InlineData("RUN apk add --no-cache curl")]
        [InlineData("RUN apk --no-cache add curl")]
        [InlineData("RUN apk add curl && rm -rf /var/cache/apk/*")]
        [InlineData("RUN apk add curl && apk cache clean")]
        [InlineData("RUN --mount=type=cache,target=/var/cache/apk apk add curl")]
        [InlineData("RUN --mount=type=cache,target=/etc/apk/cache apk add curl")]
        [InlineData("RUN echo apk add curl")]
        public void Silent_when_no_index_stays(string run)
        {
            AssertSilent("FROM alpine:3.20\n" + run + "\n", "DKR108");
        }

        [Fact]
        public void Silent_in_discarded_build_stages()
        {
            AssertSilent(
                "FROM alpine:3.20 AS build\n" +
                "RUN apk add gcc musl-dev\n" +
                "FROM alpine:3.20\n" +
                "COPY --from=build /out /app\n",
                "DKR108");
        }
    }
}
