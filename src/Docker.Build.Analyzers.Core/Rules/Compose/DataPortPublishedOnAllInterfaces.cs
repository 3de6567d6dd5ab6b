using System.Collections.Generic;
using Docker.Build.Analyzers.Compose;
using Docker.Build.Analyzers.Diagnostics;

namespace Docker.Build.Analyzers.Rules.Compose
{
    /// <summary>
    /// DKR511: a database, cache or broker port published on every host interface (no host IP, <c>0.0.0.0</c>,
    /// <c>::</c>), judged by the container port: <c>"5433:5432"</c> publishes PostgreSQL, <c>"6379"</c> publishes Redis
    /// on a random host port.
    /// </summary>
    public sealed class DataPortPublishedOnAllInterfaces : ComposeRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            "DKR511", "Data service port published on all interfaces", RuleCategory.Compose, DiagnosticSeverity.Warning,
            "The service '{0}' publishes {1} port {2} on every host interface, so anyone who can reach the host can reach it. Bind it to loopback ('127.0.0.1:{3}:{2}'), or leave 'ports' out and let other services use the compose network",
            "Databases, caches and brokers are rarely meant to be reached from outside: published on all interfaces they face the network (Docker's rules bypass host firewalls such as ufw).");

        public override RuleDescriptor Descriptor => Rule;

        /// <summary>Default ports of databases, caches, brokers and their admin interfaces.</summary>
        internal static readonly IReadOnlyDictionary<int, string> DataPorts = new Dictionary<int, string>
        {
            [1433] = "SQL Server", [1521] = "Oracle", [3306] = "MySQL/MariaDB", [5432] = "PostgreSQL", [26257] = "CockroachDB",
            [27017] = "MongoDB", [6379] = "Redis", [11211] = "Memcached", [5984] = "CouchDB", [8086] = "InfluxDB",
            [9042] = "Cassandra", [7000] = "Cassandra", [9200] = "Elasticsearch", [9300] = "Elasticsearch",
            [5672] = "RabbitMQ", [15672] = "RabbitMQ management", [2181] = "ZooKeeper", [9092] = "Kafka",
            [4222] = "NATS", [1883] = "MQTT", [8529] = "ArangoDB", [7474] = "Neo4j", [7687] = "Neo4j",
        };

        public override void Analyze(ComposeContext context)
        {
            foreach (var service in context.Services)
            {
                foreach (var port in service.Ports)
                {
                    if (!(port.Target is PortRange target) || port.Protocol != "tcp" || !OnAllInterfaces(port.HostIp)) continue;
                    if (port.Node is YamlScalar s && s.ValueWithDefaults == null) continue;
                    foreach (var pair in DataPorts)
                    {
                        if (!target.Contains(pair.Key)) continue;
                        string published = port.Published is PortRange p ? p.ToString() : pair.Key.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        context.Report(port.Node, service.Name, pair.Value, pair.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), published);
                        break;
                    }
                }
            }
        }

        private static bool OnAllInterfaces(string? hostIp)
        {
            if (hostIp == null) return true;
            string ip = hostIp.Trim().Trim('[', ']');
            return ip.Length == 0 || ip == "0.0.0.0" || ip == "::";
        }
    }
}
