namespace ScholarGraph.GraphQL.AspNetCore.Tests.Limits;

/// <summary>
/// The introspection an IDE sends: graphql-js's full query, which Banana Cake Pop builds with the options the server's
/// introspection types have (it probes <c>__Directive</c> and <c>__InputValue</c> first), so for GraphQL.NET without its experimental
/// features: descriptions, deprecations and the one-of flag, with <c>TypeRef</c> ten levels deep.
/// </summary>
internal static class IntrospectionQueries
{
    public const string Full = """
        query IntrospectionQuery {
          __schema {
            description
            queryType { name }
            mutationType { name }
            subscriptionType { name }
            types { ...FullType }
            directives {
              name
              description
              locations
              args { ...InputValue }
            }
          }
        }

        fragment FullType on __Type {
          kind
          name
          description
          isOneOf
          fields(includeDeprecated: true) {
            name
            description
            args { ...InputValue }
            type { ...TypeRef }
            isDeprecated
            deprecationReason
          }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }

        fragment InputValue on __InputValue {
          name
          description
          type { ...TypeRef }
          defaultValue
        }

        fragment TypeRef on __Type {
          kind
          name
          ofType {
            kind
            name
            ofType {
              kind
              name
              ofType {
                kind
                name
                ofType {
                  kind
                  name
                  ofType {
                    kind
                    name
                    ofType {
                      kind
                      name
                      ofType {
                        kind
                        name
                        ofType { kind name ofType { kind name } }
                      }
                    }
                  }
                }
              }
            }
          }
        }
        """;
}
