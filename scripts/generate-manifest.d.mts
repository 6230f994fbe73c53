export declare const SCHEMA_JSON: string;
export declare const SCHEMA_TS: string;
export declare function loadSettingsSchema(root?: string): Promise<{ schema: { title?: string; properties: Record<string, Record<string, unknown>> }; source: string }>;
export declare function configurationFromSchema(schema: { title?: string; properties: Record<string, unknown> }): { title: string; properties: Record<string, Record<string, unknown>> };
export declare function expectedConfiguration(root?: string): Promise<{ configuration: { title: string; properties: Record<string, Record<string, unknown>> }; source: string }>;
