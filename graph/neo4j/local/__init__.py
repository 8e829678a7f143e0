"""A local Neo4j 5.26 Community server, assembled from Maven Central and run with ``java``.

How the local server is assembled
---------------------------------
Neo4j publishes every jar of its server on Maven Central, so no tarball and no Docker are needed:

1. ``HOME = $IIKG_CACHE_DIR/neo4j-<version>`` (default ``~/.cache/iikg/neo4j-5.26.30``).
   A generated ``HOME/pom.xml`` depends on
   ``org.neo4j.app:neo4j-server``, ``org.neo4j:neo4j`` (same version; holds
   ``org.neo4j.server.CommunityEntryPoint``) and ``org.neo4j.client:neo4j-browser:5.24.0``
   (the last Browser published on Central; served at ``/browser/``), plus, as ``provided``,
   ``org.neo4j.procedure:apoc-core`` and ``apoc-common`` 5.26.19 (the newest 5.26 APOC on
   Central; apoc-core's pom does not declare apoc-common, which it needs).
2. One ``mvn -q -B dependency:copy-dependencies@…`` run (maven-dependency-plugin 3.8.1, the
   user's ``~/.m2`` as cache) copies the server jars to ``HOME/lib``, the two APOC jars to
   ``HOME/plugins`` and APOC's third-party jars to ``HOME/plugin-lib``. A ``.assembled`` marker
   records the versions; later starts skip Maven entirely.
3. ``HOME/conf/neo4j.conf`` is written on every start: directories inside HOME, listen and
   advertise on 127.0.0.1, Bolt 7687 and HTTP 7474 (``IIKG_NEO4J_BOLT_PORT``,
   ``IIKG_NEO4J_HTTP_PORT``), HTTPS off, auth disabled (the server only listens on loopback),
   usage reports off, ``apoc.*`` unrestricted, a 256 MB page cache, and a zero Bolt shutdown
   quiet period (a clean stop takes ~1.5 s instead of ~10 s).
4. ``java -Xms<heap> -Xmx<heap>`` (``IIKG_NEO4J_HEAP``, default 1g) with the flags of Neo4j's
   default ``server.jvm.additional`` (G1, ``--add-opens`` for java.nio, java.io and
   sun.nio.ch, ``-Dio.netty.tryReflectionSetAccessible=true``, ...; ``AlwaysPreTouch`` left out
   to keep memory modest), classpath ``lib/*:plugins/*:plugin-lib/*`` (APOC registers its
   extensions through the classpath; procedures are also scanned from ``plugins``), main class
   ``org.neo4j.server.CommunityEntryPoint`` (read from the neo4j jar's service file; 2025.x+
   renamed it ``Neo4jCommunity``) with ``--home-dir=HOME --config-dir=HOME/conf
   --console-mode``. The process runs detached in its own session; its pid is in
   ``HOME/run/neo4j.pid`` and its console output in ``HOME/logs/console.log``.
   The first run dumps an AppCDS archive (``HOME/cds-java<version>.jsa``, ~100 MB) when it
   stops (so that first stop takes 10-30 s); later runs map it, which roughly halves the start
   time. Delete the file to have it written again.
5. Ready means Bolt accepts a connection and the HTTP port answers; ``stop`` sends SIGTERM,
   waits for the clean shutdown and only then kills.

Named instances (``IIKG_NEO4J_INSTANCE=test``, as the test suite uses) get their own HOME
(``neo4j-<version>-<instance>``: conf, data, logs, run) and share the jars of the default one;
give them their own ports.

Java 17 or 21 and Maven 3.6.3+ are needed (Maven only for the first start). Without them,
``docker compose up -d --wait`` with the project's docker-compose.yml gives an equivalent
server.
"""

from graph.errors import MissingToolError, Neo4jLocalError
from graph.neo4j.local import auth
from graph.neo4j.local.assemble import (
    assemble,
    assembly_record,
    cds_archive,
    entry_point,
    find_tool,
    is_assembled,
    java_command,
    java_major,
    java_version,
    render_pom,
)
from graph.neo4j.local.process import log_tail, running_pid, start, status, stop
from graph.neo4j.local.server import (
    APOC_VERSION,
    BROWSER_VERSION,
    DEFAULT_BOLT_PORT,
    DEFAULT_HEAP,
    DEFAULT_HTTP_PORT,
    DEFAULT_PAGE_CACHE,
    DEPENDENCY_PLUGIN_VERSION,
    ENTRY_POINT_SERVICE,
    INSTALL_HINT,
    JVM_FLAGS,
    MAIN_CLASS,
    NEO4J_VERSION,
    LocalServer,
    LocalStatus,
    render_conf,
)

__all__ = [
    "APOC_VERSION", "BROWSER_VERSION", "DEFAULT_BOLT_PORT", "DEFAULT_HEAP", "DEFAULT_HTTP_PORT",
    "DEFAULT_PAGE_CACHE", "DEPENDENCY_PLUGIN_VERSION", "ENTRY_POINT_SERVICE", "INSTALL_HINT",
    "JVM_FLAGS", "MAIN_CLASS", "NEO4J_VERSION", "LocalServer", "LocalStatus", "MissingToolError",
    "Neo4jLocalError", "assemble", "assembly_record", "auth", "cds_archive", "entry_point",
    "find_tool",
    "is_assembled", "java_command", "java_major", "java_version", "log_tail", "render_conf",
    "render_pom", "running_pid", "start", "status", "stop",
]
