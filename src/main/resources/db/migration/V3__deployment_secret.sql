-- Secrets generated once per deployment and shared by its replicas (e.g. the cursor signing key).
create table deployment_secret (
  name  text primary key,
  value text not null
);
