-- Every instance keeps the sessions it has just read in memory (issue 10 §6, decision 0055). These triggers tell
-- every instance, on channel 'loa_auth', when what such a copy holds has changed, as the change commits:
--   'session:<id>'  a session ended (logout, expiry, password change, user disabled) or changed its expiry or token;
--   'user:<id>'     a user changed (roles, unit, disabled, locale, password…) or was deleted;
--   'all'           org units changed (a user's scope is its unit's path), or a table was emptied, or a statement
--                   ended more sessions than are worth naming one by one.
-- A session's touch (last_seen_at, once a minute) notifies nobody.

CREATE FUNCTION loa_notify_auth_sessions_ended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT count(*) FROM ended) > 100 THEN
    PERFORM pg_notify('loa_auth', 'all');
  ELSE
    PERFORM pg_notify('loa_auth', 'session:' || id) FROM ended;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER sessions_ended_notify AFTER DELETE ON sessions
  REFERENCING OLD TABLE AS ended FOR EACH STATEMENT EXECUTE FUNCTION loa_notify_auth_sessions_ended();

CREATE FUNCTION loa_notify_auth_session_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('loa_auth', 'session:' || OLD.id);
  RETURN NULL;
END $$;

CREATE TRIGGER sessions_changed_notify AFTER UPDATE ON sessions FOR EACH ROW
  WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.user_id IS DISTINCT FROM NEW.user_id
        OR OLD.expires_at IS DISTINCT FROM NEW.expires_at OR OLD.csrf_token IS DISTINCT FROM NEW.csrf_token)
  EXECUTE FUNCTION loa_notify_auth_session_changed();

CREATE FUNCTION loa_notify_auth_user_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('loa_auth', 'user:' || OLD.id);
  RETURN NULL;
END $$;

CREATE TRIGGER users_changed_notify AFTER UPDATE OR DELETE ON users FOR EACH ROW
  EXECUTE FUNCTION loa_notify_auth_user_changed();

CREATE FUNCTION loa_notify_auth_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('loa_auth', 'all');
  RETURN NULL;
END $$;

CREATE TRIGGER org_units_changed_notify AFTER UPDATE OR DELETE OR TRUNCATE ON org_units FOR EACH STATEMENT
  EXECUTE FUNCTION loa_notify_auth_all();
CREATE TRIGGER sessions_emptied_notify AFTER TRUNCATE ON sessions FOR EACH STATEMENT
  EXECUTE FUNCTION loa_notify_auth_all();
CREATE TRIGGER users_emptied_notify AFTER TRUNCATE ON users FOR EACH STATEMENT
  EXECUTE FUNCTION loa_notify_auth_all();
