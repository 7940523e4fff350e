-- the application's own migration, run by Spring Boot's Flyway beside the library's
CREATE TABLE app_note (
    id   INTEGER PRIMARY KEY,
    body VARCHAR(200) NOT NULL
);
INSERT INTO app_note (id, body) VALUES (1, 'the application''s own row');
