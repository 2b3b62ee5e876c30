#!/usr/bin/env bash
# Authentication for the Compose cluster (infra/docker-compose.yml), run in the apache/kafka image:
#   communique-kafka.sh broker   writes the broker's JAAS file from BROKER_ADMIN_SECRET, then starts the image's own
#                                entry point (/etc/kafka/docker/run)
#   communique-kafka.sh users    (service kafka-init, once the brokers are healthy) creates the app's SCRAM-SHA-512
#                                user and its ACLs; idempotent, so it runs on every `up`
# The image turns KAFKA_* variables into broker settings but drops values containing '=' (every JAAS line does), so
# the logins are files, written here with the owner's permissions only. Passwords are those of infra/.env; use hex
# (openssl rand -hex 32): SCRAM's '[password=…]' syntax cannot carry ',' or ']'.
# The ACLs must match what the app needs (docs/operations.md, "Running against a secured Kafka cluster");
# InfraManifestsTest compares every kafka-acls.sh line below with them.
set -euo pipefail
umask 077

: "${BROKER_ADMIN_SECRET:?set BROKER_ADMIN_SECRET, the password of the Kafka super user admin}"
logins=/tmp/communique-kafka
mkdir -p "$logins"

# The super user admin logs in with PLAIN: SCRAM credentials live in the cluster metadata, which does not exist yet
# when the brokers first talk to each other and the controllers.
plain_login="org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\"$BROKER_ADMIN_SECRET\""
cat > "$logins/admin.properties" <<EOF
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=$plain_login;
EOF

case "${1:-}" in
  broker)
    cat > "$logins/kafka_server_jaas.conf" <<EOF
KafkaServer {
  $plain_login user_admin="$BROKER_ADMIN_SECRET";
  org.apache.kafka.common.security.scram.ScramLoginModule required;
};
EOF
    exec /etc/kafka/docker/run
    ;;
  users)
    : "${APP_KAFKA_SECRET:?set APP_KAFKA_SECRET, the password of the Kafka user communique (the app)}"
    bootstrap=kafka-1:9092,kafka-2:9092,kafka-3:9092
    admin=(--bootstrap-server "$bootstrap" --command-config "$logins/admin.properties")
    /opt/kafka/bin/kafka-configs.sh "${admin[@]}" --alter --entity-type users --entity-name communique \
      --add-config "SCRAM-SHA-512=[password=$APP_KAFKA_SECRET]"
    /opt/kafka/bin/kafka-acls.sh "${admin[@]}" --add --allow-principal User:communique --resource-pattern-type prefixed --topic communique. --operation Read --operation Write --operation Create
    /opt/kafka/bin/kafka-acls.sh "${admin[@]}" --add --allow-principal User:communique --resource-pattern-type prefixed --group communique --operation Read
    ;;
  *)
    echo "usage: communique-kafka.sh broker|users" >&2
    exit 2
    ;;
esac
